package io.careline.notification.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.notification.NotificationFailed;
import io.careline.contracts.notification.NotificationSent;
import io.careline.notification.channel.Channel;
import io.careline.notification.channel.Outgoing;
import io.careline.notification.config.DeliveryConfig;
import io.careline.notification.repository.Delivery;
import io.careline.notification.repository.Delivery.Status;
import io.careline.notification.repository.DeliveryRepository;
import io.careline.notification.repository.InboxMessage;
import io.careline.notification.repository.Recipient;
import io.careline.notification.repository.RecipientRepository;
import io.careline.notification.template.Draft;
import io.careline.notification.template.Drafts;
import io.careline.notification.template.MessageTemplates;
import io.careline.notification.template.Rendered;
import io.careline.outbox.mongo.MongoOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Tells a customer what an event calls for: renders the message in the recipient's language and zone, puts it in the
 * in-app inbox, and sends it on the recipient's preferred channel, falling back along the configured order when a
 * channel fails (after its retries) or the recipient opted out of it. Every step is a delivery record, one per event
 * and channel (its id is the key), moved on by conditional single-document writes that also carry its status event.
 *
 * <ul>
 * <li>Opt-outs (ConsentChanged) suppress a channel, unless the kind is critical: then it is sent and the bypass
 * recorded.</li>
 * <li>Quiet hours in the recipient's zone hold a non-critical message on its first external channel (queued until
 * they end; {@link DeliveryRelease} sends it then). The inbox is silent and never waits.</li>
 * </ul>
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    /** Every kind so far is about the customer's own service; greetings and offers will have their own purposes. */
    static final String PURPOSE = "service";
    static final String IN_APP = "in_app";
    private static final Pattern ADDRESSES = Pattern.compile("[^\\s<>]+@[^\\s<>]+|\\+?[0-9][0-9 ]{6,}[0-9]");

    private final RecipientRepository recipients;
    private final MessageTemplates templates;
    private final InboxService inbox;
    private final DeliveryRepository deliveries;
    private final Instance<Channel> channels;
    private final MongoOutbox outbox;
    private final DeliveryConfig config;
    private final MeterRegistry metrics;

    public DeliveryService(RecipientRepository recipients, MessageTemplates templates, InboxService inbox,
            DeliveryRepository deliveries, Instance<Channel> channels, MongoOutbox outbox, DeliveryConfig config,
            MeterRegistry metrics) {
        this.recipients = recipients;
        this.templates = templates;
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.channels = channels;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * The message this event calls for, on every channel due, once per event and channel even when delivered again:
     * true if its inbox message was created now, false if it was before or the event calls for none.
     */
    public Uni<Boolean> dispatch(EventEnvelope<?> event) {
        Optional<Draft> draft = Drafts.of(event);
        if (draft.isEmpty()) {
            return Uni.createFrom().item(Boolean.FALSE);
        }
        return recipients.of(event.customerId()).chain(recipient -> {
            Rendered rendered = templates.render(draft.get(), recipient.locale, recipient.zone());
            Instant now = now();
            Delivery base = base(event, draft.get(), rendered, recipient, now);
            return inApp(base, draft.get(), recipient, now)
                    .call(() -> {
                        List<String> chain = externalChain(recipient);
                        return chain.isEmpty() ? Uni.createFrom().voidItem() : step(base, recipient, chain, null, true, now);
                    });
        });
    }

    /** What the event's message is about, for the log: its complaint, or the event itself. */
    public static String subjectOf(EventEnvelope<?> event) {
        return Drafts.of(event).map(Draft::complaintId).map(id -> "complaint " + id).orElse("event " + event.id());
    }

    /** Sends a queued delivery that became due (quiet hours over) or whose sender went away, then what follows it. */
    public Uni<Void> release(Delivery due) {
        Instant now = now();
        return deliveries.claim(due.id, now, now.plus(config.claimTimeout())).chain(claimed -> claimed.isEmpty()
                ? Uni.createFrom().voidItem()
                : recipients.of(due.customerId).chain(recipient -> send(claimed.get(), recipient)));
    }

    /** In-app: silent, so no quiet hours; its sending (the inbox's insert) is idempotent, so a retry just repeats it. */
    private Uni<Boolean> inApp(Delivery base, Draft draft, Recipient recipient, Instant now) {
        Delivery delivery = base.on(IN_APP, null, List.of(), now);
        boolean consented = consented(recipient, IN_APP);
        if (!consented && !delivery.critical) {
            return suppress(delivery).replaceWith(Boolean.FALSE);
        }
        delivery.criticalBypass = !consented;
        delivery.reason = consented ? null : "critical: sent despite the opt-out of " + PURPOSE + " in the app";
        InboxMessage message = new InboxMessage();
        message.customerId = delivery.customerId;
        message.kind = InboxMessage.Kind.valueOf(delivery.kind);
        message.title = delivery.title;
        message.body = delivery.body;
        message.complaintId = draft.complaintId();
        message.complaintReference = draft.complaintReference();
        message.firstReplyDueAt = draft.firstReplyDueAt();
        message.sourceEventId = delivery.sourceEventId;
        return deliveries.insertOnce(delivery)
                .chain(() -> inbox.deliver(message))
                .call(created -> settleSent(delivery, 1));
    }

    /**
     * One channel of the chain: suppressed (opt-out) and on to the next, held (quiet hours), or sent. A delivery that
     * exists already (a redelivered event, a second replica) is taken where it stands.
     */
    private Uni<Void> step(Delivery base, Recipient recipient, List<String> chain, String fallbackFrom, boolean first,
            Instant now) {
        if (chain.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String name = chain.get(0);
        List<String> next = List.copyOf(chain.subList(1, chain.size()));
        Channel channel = channel(name);
        Delivery delivery = base.on(name, channel.address(recipient).orElse(null), next, now);
        delivery.fallbackFrom = fallbackFrom;
        boolean consented = consented(recipient, name);
        if (!consented && !delivery.critical) {
            return suppress(delivery).chain(() -> step(base, recipient, next, name, false, now));
        }
        List<String> bypassed = new ArrayList<>();
        if (!consented) {
            bypassed.add("the opt-out of " + PURPOSE + " by " + name);
        }
        Optional<Instant> quietUntil = first ? quietHours().endOf(now, recipient.zone()) : Optional.empty();
        if (quietUntil.isPresent()) {
            if (!delivery.critical) {
                delivery.notBefore = quietUntil.get();
                delivery.reason = "quiet hours in " + recipient.zone().getId() + " until " + quietUntil.get();
                return deliveries.insertOnce(delivery).replaceWithVoid();
            }
            bypassed.add("quiet hours");
        }
        if (!bypassed.isEmpty()) {
            delivery.criticalBypass = true;
            delivery.reason = "critical: sent despite " + String.join(" and ", bypassed);
        }
        delivery.claimedUntil = now.plus(config.claimTimeout());
        return deliveries.insertOnce(delivery).chain(inserted -> inserted
                ? send(delivery, recipient)
                : resume(delivery.id, recipient));
    }

    /** A delivery found already recorded: sent or held, nothing to do; failed or suppressed, the next one's turn. */
    private Uni<Void> resume(String id, Recipient recipient) {
        return deliveries.findById(id).chain(found -> {
            if (found == null) {
                return Uni.createFrom().voidItem();
            }
            return switch (found.status) {
                case SENT -> Uni.createFrom().voidItem();
                case FAILED, SUPPRESSED -> step(found, recipient, found.fallbackNext, found.channel, false, now());
                // being sent by someone else, or waiting for quiet hours to end: the release sees to it
                case QUEUED -> release(found);
            };
        });
    }

    /** The channel's attempts with back-off; then sent, or failed and on to the next channel. */
    private Uni<Void> send(Delivery delivery, Recipient recipient) {
        Channel channel = channel(delivery.channel);
        AtomicInteger attempts = new AtomicInteger();
        Outgoing message = new Outgoing(delivery.id, delivery.customerId, delivery.address, delivery.title, delivery.body);
        return Uni.createFrom().deferred(() -> {
                    attempts.incrementAndGet();
                    return channel.send(message);
                })
                .onFailure().invoke(failure -> LOG.warnf("delivery %s: attempt %d failed (%s)", delivery.id, attempts.get(),
                        failure.toString()))
                .onFailure().retry().withBackOff(config.initialBackOff(), config.maxBackOff())
                .atMost(Math.max(0, config.maxAttempts() - 1))
                .chain(() -> settleSent(delivery, attempts.get()))
                .onFailure().recoverWithUni(failure -> settleFailed(delivery, attempts.get(), reasonOf(failure))
                        .chain(() -> step(delivery, recipient, delivery.fallbackNext, delivery.channel, false, now())));
    }

    private Uni<Void> settleSent(Delivery delivery, int attempts) {
        Instant at = now();
        EventEnvelope<NotificationSent> sent = EventEnvelope.of(NotificationSent.EVENT, delivery.customerId, at,
                new NotificationSent(delivery.id, delivery.customerId, delivery.sourceEventId, delivery.kind,
                        delivery.channel, delivery.locale, delivery.templateVersion, delivery.localeFallback,
                        delivery.fallbackFrom, delivery.criticalBypass, attempts, at));
        return deliveries.settle(delivery.id, Status.SENT, attempts, delivery.reason, at,
                        outbox.push(outbox.event(NotificationSent.EVENT, sent)))
                .invoke(moved -> counted(moved, delivery, Status.SENT)).replaceWithVoid();
    }

    private Uni<Void> settleFailed(Delivery delivery, int attempts, String reason) {
        Instant at = now();
        EventEnvelope<NotificationFailed> failed = EventEnvelope.of(NotificationFailed.EVENT, delivery.customerId, at,
                new NotificationFailed(delivery.id, delivery.customerId, delivery.sourceEventId, delivery.kind,
                        delivery.channel, reason, attempts, at));
        return deliveries.settle(delivery.id, Status.FAILED, attempts, reason, at,
                        outbox.push(outbox.event(NotificationFailed.EVENT, failed)))
                .invoke(moved -> counted(moved, delivery, Status.FAILED)).replaceWithVoid();
    }

    private Uni<Void> suppress(Delivery delivery) {
        delivery.status = Status.SUPPRESSED;
        delivery.reason = "opted out of " + PURPOSE + " by " + delivery.channel;
        return deliveries.insertOnce(delivery).invoke(inserted -> counted(inserted, delivery, Status.SUPPRESSED))
                .replaceWithVoid();
    }

    private void counted(boolean now, Delivery delivery, Status status) {
        if (now) {
            outbox.written();
            metrics.counter("careline.notification.deliveries", "channel", delivery.channel, "status", status.name())
                    .increment();
        }
    }

    /** The preferred external channel first, then the fallback order; only channels that can reach the recipient. */
    private List<String> externalChain(Recipient recipient) {
        Map<String, Channel> byName = channels.stream().collect(Collectors.toMap(Channel::name, Function.identity()));
        if (recipient.preferredChannel == null || !byName.containsKey(recipient.preferredChannel)) {
            return List.of(); // in-app only: unknown recipients, and those who asked for nothing else
        }
        LinkedHashSet<String> order = new LinkedHashSet<>();
        order.add(recipient.preferredChannel);
        order.addAll(config.fallbackOrder());
        return order.stream().filter(byName::containsKey)
                .filter(name -> byName.get(name).address(recipient).isPresent()).toList();
    }

    private boolean consented(Recipient recipient, String channel) {
        Boolean given = recipient.consent(PURPOSE, channel);
        return given != null ? given : config.consentedByDefault().contains(PURPOSE);
    }

    private Channel channel(String name) {
        return channels.stream().filter(channel -> channel.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no channel " + name));
    }

    private QuietHours quietHours() {
        return new QuietHours(config.quietHours().start(), config.quietHours().end());
    }

    private Delivery base(EventEnvelope<?> event, Draft draft, Rendered rendered, Recipient recipient, Instant now) {
        Delivery base = new Delivery();
        base.customerId = event.customerId();
        base.sourceEventId = event.id().toString();
        base.kind = draft.kind().name();
        base.critical = config.criticalKinds().contains(base.kind);
        base.title = rendered.title();
        base.body = rendered.body();
        base.requestedLocale = recipient.locale;
        base.locale = rendered.locale();
        base.templateVersion = rendered.version();
        base.localeFallback = rendered.fallback();
        return base;
    }

    /**
     * The error's kind and its message's first line, without addresses (an SMTP server's answer may quote one): enough
     * to act on, and fit for a status event.
     */
    private static String reasonOf(Throwable failure) {
        String message = failure.getMessage() == null ? "" : ADDRESSES.matcher(failure.getMessage().lines().findFirst()
                .orElse("")).replaceAll("<address>");
        String reason = failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
