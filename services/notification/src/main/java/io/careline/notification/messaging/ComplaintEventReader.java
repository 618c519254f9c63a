package io.careline.notification.messaging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;

/** Reads the value of a record on the complaint topic: the event envelope's JSON. */
@ApplicationScoped
public class ComplaintEventReader {

    private final ObjectMapper json;
    private final ObjectReader complaintReceived;

    public ComplaintEventReader(ObjectMapper json) {
        this.json = json;
        // a field added to an event is a compatible change: this reader must not refuse it, even though the
        // REST layer refuses unknown fields (quarkus.jackson.fail-on-unknown-properties=true)
        this.complaintReceived = json.readerFor(json.getTypeFactory().constructParametricType(EventEnvelope.class,
                ComplaintReceived.class)).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * The {@code ComplaintReceived} v1 event in this record, or empty for an event of another type or version (not
     * ours to handle).
     *
     * @param cloudEventType the record's {@code ce_type} header, null when it has none: a record that declares
     *        another type is skipped unread, whatever its value (other producers' events and smoke tests share the topic)
     * @param value the record's value, the envelope's JSON; its type and version decide when there is no header
     * @throws UnreadableEventException when the value is not an envelope, or a ComplaintReceived v1 lacks what a
     *         message needs
     */
    public Optional<EventEnvelope<ComplaintReceived>> read(String cloudEventType, String value) {
        if (cloudEventType != null && !ComplaintReceived.EVENT.cloudEventType().equals(cloudEventType)) {
            return Optional.empty();
        }
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("the record has no value");
        }
        JsonNode tree;
        try {
            tree = json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("the value is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject() || !tree.path("type").isTextual() || !tree.path("version").isInt()) {
            throw new UnreadableEventException("the value is not an event envelope: it needs a string type and an integer version");
        }
        if (!ComplaintReceived.EVENT.name().equals(tree.get("type").asText())
                || ComplaintReceived.EVENT.version() != tree.get("version").asInt()) {
            return Optional.empty();
        }
        EventEnvelope<ComplaintReceived> event;
        try {
            event = complaintReceived.readValue(tree);
        } catch (JsonMappingException e) {
            throw new UnreadableEventException("ComplaintReceived v1 cannot be read at " + pathOf(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableEventException("ComplaintReceived v1 cannot be read: " + e.getMessage());
        }
        List<String> missing = missingFields(event);
        if (!missing.isEmpty()) {
            throw new UnreadableEventException("ComplaintReceived v1 lacks " + String.join(", ", missing));
        }
        return Optional.of(event);
    }

    /** What the acknowledgement needs; the envelope's own constructor already refused a missing id or customerId. */
    private static List<String> missingFields(EventEnvelope<ComplaintReceived> event) {
        List<String> missing = new ArrayList<>();
        if (event.customerId().isBlank()) {
            missing.add("customerId");
        }
        ComplaintReceived data = event.data();
        if (data.complaintId() == null) {
            missing.add("data.complaintId");
        }
        if (data.reference() == null || data.reference().isBlank()) {
            missing.add("data.reference");
        }
        if (data.subject() == null || data.subject().isBlank()) {
            missing.add("data.subject");
        }
        if (data.receivedAt() == null) {
            missing.add("data.receivedAt");
        }
        if (data.firstReplyDueAt() == null) {
            missing.add("data.firstReplyDueAt");
        }
        return missing;
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
        return path.isEmpty() ? "the envelope" : path;
    }
}
