package io.careline.service.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reading another service's records as JSON by field names, so that a consumer depends on nobody's classes: the
 * envelope every Careline event has ({@code id}, {@code type}, {@code version}, {@code occurredAt},
 * {@code customerId}, {@code data}) and the CloudEvents headers.
 */
public final class EventRecords {

    private EventRecords() {
    }

    /** The event envelope a value carries: an object with a string type and an integer version; else unreadable. */
    public static JsonNode envelope(ObjectMapper json, String value) {
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

    /** A header's value as text; null when the record lacks it. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Where a record is, for logs: topic-partition@offset. */
    public static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
