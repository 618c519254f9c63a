package io.careline.customer.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading the other services' records as JSON by field names, so this service depends on no one's classes. */
final class EventRecords {

    private EventRecords() {
    }

    /** The event envelope a record carries: an object with a string type and an integer version; else unreadable. */
    static JsonNode envelope(ObjectMapper json, String value) {
        JsonNode tree;
        try {
            tree = value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("the value is not JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject() || !tree.path("type").isTextual() || !tree.path("version").isInt()) {
            throw new UnreadableEventException("the value is not an event envelope: it needs a string type and an integer version");
        }
        return tree;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A record that is not a readable event: the only kind that goes to the dead-letter topic. */
    static final class UnreadableEventException extends RuntimeException {

        UnreadableEventException(String message) {
            super(message, null, false, false);
        }
    }
}
