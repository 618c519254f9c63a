package io.careline.outbox.core;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * A prefix put before every topic name, so that tests (and any second stack on one broker) never touch the topics
 * of the running local stack: {@code %test.careline.kafka.topic-prefix=test.}. Empty by default.
 */
@ConfigMapping(prefix = "careline.kafka")
public interface TopicNamespace {

    Optional<String> topicPrefix();

    default String topic(String name) {
        return topicPrefix().orElse("") + name;
    }
}
