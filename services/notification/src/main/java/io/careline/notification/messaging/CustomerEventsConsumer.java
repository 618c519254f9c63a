package io.careline.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.careline.contracts.EventEnvelope;
import io.careline.notification.config.NotificationConfig;
import io.careline.notification.service.RecipientDirectory;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the recipient directory from the customer topic, in its own consumer group: profiles, consents, erasure. As
 * the complaint consumer: one record at a time, committed once applied; unreadable records, and only those, to the
 * dead-letter topic; any other failure retried with back-off, never skipped.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CustomerEventsConsumer.class);

    private final CustomerEventReader reader;
    private final RecipientDirectory directory;
    private final NotificationConfig config;

    public CustomerEventsConsumer(CustomerEventReader reader, RecipientDirectory directory, NotificationConfig config) {
        this.reader = reader;
        this.directory = directory;
        this.config = config;
    }

    @Incoming("customer-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom().deferred(() -> apply(record))
                .onFailure(ComplaintEventsConsumer::retryable).invoke(failure -> LOG.warnf(
                        "record %s-%d@%d not applied yet (%s); retrying", record.topic(), record.partition(),
                        record.offset(), failure.toString()))
                .onFailure(ComplaintEventsConsumer::retryable).retry()
                .withBackOff(config.retry().initialBackOff(), config.retry().maxBackOff())
                .indefinitely();
    }

    private Uni<Void> apply(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader("ce_type");
        Optional<EventEnvelope<?>> event = reader.read(
                type == null || type.value() == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                record.value());
        return event.map(directory::apply).orElseGet(() -> Uni.createFrom().voidItem());
    }
}
