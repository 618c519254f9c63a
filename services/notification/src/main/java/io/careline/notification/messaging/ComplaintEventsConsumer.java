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
import io.careline.notification.service.DeliveryService;
import io.smallrye.mutiny.Uni;
import io.careline.service.messaging.UnreadableEventException;

/**
 * Turns events on the complaint topic into messages (the inbox, and the recipient's other channels). One record at a
 * time, in order per partition (so one customer's messages keep their order); the offset is committed only once the record is handled.
 *
 * <ul>
 * <li>an event the customer is told about ({@code ComplaintReceived}, {@code ComplaintReplied}, {@code ComplaintResolved},
 * {@code ComplaintStatusChanged} when it reopens or closes, {@code CompensationGranted}, {@code IncidentResolved},
 * {@code DrawWinnersAnnounced}, all v1): its message, once per event id even when delivered again;</li>
 * <li>another type or version (by its {@code ce_type} header, or by the envelope): acknowledged and skipped;</li>
 * <li>a record that cannot be read ({@link UnreadableEventException}), and only that: a failed Uni, so the
 * connector sends it to the dead-letter topic (failure-strategy=dead-letter-queue) and goes on;</li>
 * <li>any other failure (MongoDB down, a refused write, a bug): retried with exponential back-off for as long as it
 * takes, never skipped and never dead-lettered, because the event is valid and its message is owed. The records
 * behind it wait; {@link ConsumerProgress} and the consumer lag show it.</li>
 * </ul>
 */
@ApplicationScoped
public class ComplaintEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ComplaintEventsConsumer.class);

    private final ComplaintEventReader reader;
    private final DeliveryService deliveries;
    private final NotificationConfig config;
    private final ConsumerProgress progress;

    public ComplaintEventsConsumer(ComplaintEventReader reader, DeliveryService deliveries, NotificationConfig config,
            ConsumerProgress progress) {
        this.reader = reader;
        this.deliveries = deliveries;
        this.config = config;
        this.progress = progress;
    }

    @Incoming("complaint-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        progress.started(record);
        // deferred, so each retry runs the whole apply again rather than replaying a failed result
        return Uni.createFrom().deferred(() -> apply(record))
                .onFailure(ComplaintEventsConsumer::retryable).invoke(failure -> LOG.warnf(
                        "record %s not applied yet (%s); retrying", coordinates(record), failure.toString()))
                .onFailure(ComplaintEventsConsumer::retryable).retry()
                .withBackOff(config.retry().initialBackOff(), config.retry().maxBackOff())
                .indefinitely()
                .onItem().invoke(() -> progress.succeeded(record))
                .onFailure().invoke(unreadable -> {
                    LOG.warnf("unreadable record %s goes to the dead-letter topic: %s", coordinates(record),
                            unreadable.getMessage());
                    progress.abandoned(record);
                })
                .onCancellation().invoke(() -> progress.abandoned(record));
    }

    private Uni<Void> apply(ConsumerRecord<String, String> record) {
        Optional<EventEnvelope<?>> event = reader.read(header(record, "ce_type"), record.value());
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<?> read = event.get();
        return deliveries.dispatch(read)
                .invoke(created -> {
                    if (created) {
                        // evidence of the effect, in the trace of the request that caused the event
                        LOG.infof("event %s applied: %s v%d made a message in the inbox about %s", read.id(),
                                read.type(), read.version(), DeliveryService.subjectOf(read));
                    } else {
                        LOG.debugf("event %s applied before, or calls for no message", read.id());
                    }
                })
                .replaceWithVoid();
    }

    /** Everything but an unreadable record: an allow-list of one, so an unforeseen error never loses an event. */
    static boolean retryable(Throwable failure) {
        return !(failure instanceof UnreadableEventException);
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
