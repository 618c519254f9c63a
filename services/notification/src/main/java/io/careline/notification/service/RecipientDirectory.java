package io.careline.notification.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.customer.ConsentChanged;
import io.careline.contracts.customer.CustomerErased;
import io.careline.contracts.customer.CustomerProfileChanged;
import io.careline.contracts.customer.ErasureConfirmed;
import io.careline.notification.repository.DeliveryRepository;
import io.careline.notification.repository.InboxMessageRepository;
import io.careline.notification.repository.RecipientRepository;
import io.careline.notification.channel.RecordingProvider;
import io.careline.outbox.mongo.MongoOutbox;
import io.smallrye.mutiny.Uni;

/** Applies the customer service's events to the recipient directory, each once per event id. */
@ApplicationScoped
public class RecipientDirectory {

    private static final Logger LOG = Logger.getLogger(RecipientDirectory.class);

    /** The name the customer service expects in confirmations (careline.customer.erasure.services). */
    static final String SERVICE = "notification";

    private final RecipientRepository recipients;
    private final InboxMessageRepository inbox;
    private final DeliveryRepository deliveries;
    private final RecordingProvider recorded;
    private final MongoOutbox outbox;

    public RecipientDirectory(RecipientRepository recipients, InboxMessageRepository inbox, DeliveryRepository deliveries,
            RecordingProvider recorded, MongoOutbox outbox) {
        this.recipients = recipients;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.recorded = recorded;
        this.outbox = outbox;
    }

    public Uni<Void> apply(EventEnvelope<?> event) {
        String eventId = event.id().toString();
        if (event.data() instanceof CustomerProfileChanged profile) {
            return recipients.applyProfile(event.customerId(), eventId, profile).replaceWithVoid();
        }
        if (event.data() instanceof ConsentChanged consent) {
            return recipients.applyConsent(event.customerId(), eventId, consent).replaceWithVoid();
        }
        if (event.data() instanceof CustomerErased) {
            return erase(event.customerId(), eventId);
        }
        throw new IllegalStateException("the directory reads no " + event.type() + " v" + event.version());
    }

    /**
     * The personal texts first (inbox bodies, delivery addresses, recorded SMS and push), each idempotent; then the
     * recipient and its confirmation in one write. A crash in between is finished by the redelivered event, which
     * finds the recipient not yet erased under this event id and does it all again.
     */
    private Uni<Void> erase(String customerId, String eventId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<ErasureConfirmed> confirmation = EventEnvelope.of(ErasureConfirmed.NOTIFICATION, customerId, now,
                new ErasureConfirmed(customerId, SERVICE, now));
        return inbox.eraseTexts(customerId)
                .chain(() -> deliveries.eraseAddresses(customerId))
                .chain(() -> recorded.erase(customerId))
                .chain(() -> recipients.erase(customerId, eventId, now,
                        outbox.push(outbox.event(ErasureConfirmed.NOTIFICATION, confirmation))))
                .invoke(applied -> {
                    if (applied) {
                        outbox.written();
                        LOG.infof("customer %s erased (event %s); confirmation %s queued", customerId, eventId,
                                confirmation.id());
                    }
                })
                .replaceWithVoid();
    }
}
