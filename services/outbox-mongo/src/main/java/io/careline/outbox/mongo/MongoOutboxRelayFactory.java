package io.careline.outbox.mongo;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.MongoClient;

import io.careline.outbox.core.BatchPublisher;
import io.careline.outbox.core.OutboxMetrics;
import io.careline.outbox.core.TopicNamespace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Builds the service's relay from its settings (failing the start when they are inconsistent), starts it with the
 * application and stops it (giving the lease up) before the application's clients close.
 */
@Singleton
public class MongoOutboxRelayFactory {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final MongoOutboxConfig config;
    private final TopicNamespace topics;
    private final Map<String, Object> kafka;
    private final String application;
    private final OutboxCollections collections;
    private final OutboxMetrics metrics;

    public MongoOutboxRelayFactory(MongoClient mongo, @ConfigProperty(name = "quarkus.mongodb.database") String database,
            MongoOutboxConfig config, TopicNamespace topics, @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application, OutboxMetrics metrics) {
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
        this.application = application;
        this.collections = new OutboxCollections(mongo.getDatabase(database), config.collections());
        this.metrics = metrics;
    }

    /** A relay with the service's settings; it does nothing until started. */
    public MongoOutboxRelay create() {
        String name = application + "-outbox-relay-" + INSTANCES.incrementAndGet();
        return new MongoOutboxRelay(name, collections, BatchPublisher.create(name, kafka, config, topics, application, metrics),
                config, metrics);
    }

    /** The same meter names as the PostgreSQL outbox, told apart by {@code store=mongo}. */
    @Produces
    @Singleton
    static OutboxMetrics metrics(MeterRegistry registry) {
        return new OutboxMetrics(registry, Tags.of("store", "mongo"));
    }

    @Produces
    @Singleton
    MongoOutboxRelay relay() {
        MongoOutboxRelay relay = create();
        metrics.relayActive(relay);
        return relay;
    }

    @Produces
    @Singleton
    OutboxCollections collections() {
        return collections;
    }

    @Produces
    @Singleton
    MongoParkedEvents parkedEvents(MongoOutboxRelay relay) {
        return new MongoParkedEvents(collections, relay);
    }

    void start(@Observes StartupEvent event, MongoOutboxRelay relay) {
        relay.start();
    }

    void stop(@Observes ShutdownEvent event, MongoOutboxRelay relay) {
        relay.stop();
    }
}
