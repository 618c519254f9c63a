package io.careline.contracts;

import java.util.Objects;

/**
 * What an event is: its name, the version of its data, and the topic it travels on.
 * Adding a field to the data is a compatible change; removing or renaming one is a new version.
 */
public record EventType(String name, int version, String topic) {

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topic, "topic");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1");
        }
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code io.careline.ComplaintReceived.v1}. */
    public String cloudEventType() {
        return "io.careline." + name + ".v" + version;
    }

    /** The JSON Schema of the envelope carrying this event, on the classpath of this module. */
    public String schemaResource() {
        return "/schemas/" + name + ".v" + version + ".json";
    }
}
