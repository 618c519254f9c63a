package io.careline.outbox;

import io.careline.outbox.core.OutboxMetrics;
import io.careline.outbox.core.BatchPublisher;
import io.careline.outbox.core.TopicNamespace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import io.vertx.mutiny.core.Vertx;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;

/**
 * Builds the service's relay from its settings (failing the start when they are inconsistent), starts it with the
 * application and stops it cleanly before the application's connections close.
 */
@Singleton
public class OutboxRelayFactory {

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Vertx vertx;
    private final OutboxConfig config;
    private final TopicNamespace topics;
    private final Map<String, Object> kafka;
    private final String application;
    private final PgConnectOptions database;
    private final OutboxMetrics metrics;

    public OutboxRelayFactory(Vertx vertx, OutboxConfig config, TopicNamespace topics,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String application,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            @ConfigProperty(name = "quarkus.datasource.reactive.postgresql.ssl-mode") Optional<SslMode> sslMode,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-all", defaultValue = "false") boolean trustAll,
            @ConfigProperty(name = "quarkus.datasource.reactive.trust-certificate-pem.certs") Optional<List<String>> trustedCertificates,
            @ConfigProperty(name = "quarkus.datasource.reactive.hostname-verification-algorithm") Optional<String> hostnameVerification,
            OutboxMetrics metrics) {
        this.vertx = vertx;
        this.config = config;
        this.topics = topics;
        this.kafka = kafka;
        this.application = application;
        // the relay's connection of its own goes where the service's reactive pool goes, unless told otherwise
        this.database = PgConnectOptions.fromUri(config.databaseUrl().orElse(url).replaceFirst("^vertx-reactive:", ""));
        username.ifPresent(database::setUser);
        password.ifPresent(database::setPassword);
        // and is as safe: the same TLS settings as the pool (Kubernetes verifies the cluster's CA)
        sslMode.ifPresent(database::setSslMode);
        database.setTrustAll(trustAll);
        trustedCertificates.ifPresent(paths -> {
            PemTrustOptions pem = new PemTrustOptions();
            paths.forEach(pem::addCertPath);
            database.setPemTrustOptions(pem);
        });
        hostnameVerification.ifPresent(database::setHostnameVerificationAlgorithm);
        this.metrics = metrics;
    }

    /** A relay with the service's settings; it does nothing until started. */
    public OutboxRelay create() {
        String name = application + "-outbox-relay-" + INSTANCES.incrementAndGet();
        BatchPublisher publisher = BatchPublisher.create(name, kafka, config, topics, application, metrics);
        return new OutboxRelay(name, vertx, new PgConnectOptions(database), publisher, config, metrics);
    }

    /** The PostgreSQL outbox's meters carry no store tag: their names and tags are those dashboards already use. */
    @Produces
    @Singleton
    static OutboxMetrics metrics(MeterRegistry registry) {
        return new OutboxMetrics(registry, Tags.empty());
    }

    @Produces
    @Singleton
    OutboxRelay relay() {
        OutboxRelay relay = create();
        metrics.relayActive(relay);
        return relay;
    }

    void start(@Observes StartupEvent event, OutboxRelay relay) {
        relay.start();
    }

    void stop(@Observes ShutdownEvent event, OutboxRelay relay) {
        relay.stop();
    }
}
