package io.careline.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.notification.config.NotificationConfig;
import io.careline.notification.service.InboxService;
import io.smallrye.mutiny.Uni;

/**
 * Turns events on {@code careline.complaint.v1} into inbox messages. One record at a time, in order per partition
 * (so one customer's messages keep their order); the offset is committed only once the record is handled.
 *
 * <ul>
 * <li>a {@code ComplaintReceived} v1: its acknowledgement, once per event id even when delivered again;</li>
 * <li>another type or version (by its {@code ce_type} header, or by the envelope): acknowledged and skipped;</li>
 * <li>a record that cannot be read: a failed Uni, so the connector sends it to {@code careline.notification.dlq}
 * (failure-strategy=dead-letter-queue) and goes on with the next one;</li>
 * <li>MongoDB unreachable: retried with back-off for as long as it takes, never skipped.</li>
 * </ul>
 */
@ApplicationScoped
public class ComplaintEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ComplaintEventsConsumer.class);

    private final ComplaintEventReader reader;
    private final InboxService inbox;
    private final NotificationConfig config;

    public ComplaintEventsConsumer(ComplaintEventReader reader, InboxService inbox, NotificationConfig config) {
        this.reader = reader;
        this.inbox = inbox;
        this.config = config;
    }

    @Incoming("complaint-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        Optional<EventEnvelope<ComplaintReceived>> event;
        try {
            event = reader.read(header(record, "ce_type"), record.value());
        } catch (UnreadableEventException e) {
            LOG.warnf("unreadable record %s-%d@%d goes to the dead-letter topic: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Uni.createFrom().failure(e);
        }
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<ComplaintReceived> received = event.get();
        // deferred, so each retry runs the whole insert again rather than replaying a failed result
        return Uni.createFrom().deferred(() -> inbox.acknowledge(received))
                .onFailure(TransientFailures::isTransient).invoke(failure -> LOG.warnf(
                        "event %s not applied yet, MongoDB unavailable (%s); retrying", received.id(), failure.toString()))
                .onFailure(TransientFailures::isTransient).retry()
                .withBackOff(config.retry().initialBackOff(), config.retry().maxBackOff())
                .indefinitely()
                .invoke(created -> {
                    if (!created) {
                        LOG.debugf("event %s was applied before; redelivery ignored", received.id());
                    }
                })
                .replaceWithVoid();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
