package io.careline.notification.messaging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.careline.service.messaging.UnreadableEventException;

/**
 * Reads the value of a record: the event envelope's JSON, for the events its subclass names with the data fields their
 * handling needs. Any other type or version is not for this service and is skipped; a known event that cannot be read
 * is an {@link UnreadableEventException} (dead-lettered).
 */
abstract class EnvelopeReader {

    /** An event this service reads, with the data fields it needs (each present, and not blank if text). */
    record Known(EventType type, Class<?> data, List<String> required) {
    }

    /** Money must not pass through a double: 12.50 would become 12.5, and 0.1 + 0.2 worse. */
    private final ObjectReader trees;
    /** By CloudEvents type ({@code io.careline.<Name>.v<version>}), the reader of its envelope. */
    private final Map<String, ObjectReader> readers;
    private final Map<String, Known> known;

    EnvelopeReader(ObjectMapper json, List<Known> knownEvents) {
        this.trees = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.known = knownEvents.stream().collect(Collectors.toMap(event -> event.type().cloudEventType(), Function.identity()));
        // a field added to an event is a compatible change: this reader must not refuse it, even though the
        // REST layer refuses unknown fields (quarkus.jackson.fail-on-unknown-properties=true)
        this.readers = knownEvents.stream().collect(Collectors.toMap(event -> event.type().cloudEventType(),
                event -> json.readerFor(json.getTypeFactory().constructParametricType(EventEnvelope.class, event.data()))
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));
    }

    /**
     * The event in this record if it is one of the known types and versions, or empty for any other (not ours to
     * handle). Its {@code data} is the event's record.
     *
     * @param cloudEventType the record's {@code ce_type} header, null when it has none: a record that declares
     *        another type is skipped unread, whatever its value (other producers' events and smoke tests share the topic)
     * @param value the record's value, the envelope's JSON; its type and version decide when there is no header
     * @throws UnreadableEventException when the value is not an envelope, or a known event lacks what its message needs
     */
    public Optional<EventEnvelope<?>> read(String cloudEventType, String value) {
        if (cloudEventType != null && !known.containsKey(cloudEventType)) {
            return Optional.empty();
        }
        if (value == null || value.isBlank()) {
            throw new UnreadableEventException("the record has no value");
        }
        JsonNode tree;
        try {
            tree = trees.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("the value is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject() || !tree.path("type").isTextual() || !tree.path("version").isInt()) {
            throw new UnreadableEventException("the value is not an event envelope: it needs a string type and an integer version");
        }
        Known event = known.get("io.careline." + tree.get("type").asText() + ".v" + tree.get("version").asInt());
        if (event == null) {
            return Optional.empty();
        }
        String name = event.type().name() + " v" + event.type().version();
        EventEnvelope<?> envelope;
        try {
            envelope = readers.get(event.type().cloudEventType()).readValue(tree);
        } catch (JsonMappingException e) {
            throw new UnreadableEventException(name + " cannot be read at " + pathOf(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UnreadableEventException(name + " cannot be read: " + e.getMessage());
        }
        List<String> missing = missingFields(envelope, tree.get("data"), event.required());
        if (!missing.isEmpty()) {
            throw new UnreadableEventException(name + " lacks " + String.join(", ", missing));
        }
        return Optional.of(envelope);
    }

    /**
     * Read from the JSON rather than the record: a missing boolean or number would otherwise pass as false or 0. The
     * envelope's own constructor already refused a missing id, customerId or data.
     */
    private static List<String> missingFields(EventEnvelope<?> envelope, JsonNode data, List<String> required) {
        List<String> missing = new ArrayList<>();
        if (envelope.customerId().isBlank()) {
            missing.add("customerId");
        }
        for (String field : required) {
            JsonNode node = data.get(field);
            if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
                missing.add("data." + field);
            }
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
