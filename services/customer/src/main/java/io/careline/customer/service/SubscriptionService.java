package io.careline.customer.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.bson.Document;

import io.careline.customer.config.CustomerConfig;
import io.careline.customer.messaging.CustomerEvents;
import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.CancelChannel;
import io.careline.customer.repository.Customer.Channel;
import io.careline.customer.repository.Customer.Subscription;
import io.careline.customer.repository.Customer.SubscriptionStatus;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.CustomerChanges.Change;
import io.smallrye.mutiny.Uni;

/**
 * Value-added subscriptions with a second confirmation: a request is pending until the customer sends back the
 * six-digit code they were sent, before it expires and within a limited number of attempts. Three ways out, each
 * recorded with its channel and effective at once: the app, an SMS keyword, an agent.
 */
@ApplicationScoped
public class SubscriptionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustomerRepository customers;
    private final CustomerChanges changes;
    private final CustomerEvents events;
    private final CustomerConfig config;
    private final Clock clock;

    public SubscriptionService(CustomerRepository customers, CustomerChanges changes, CustomerEvents events,
            CustomerConfig config, Clock clock) {
        this.customers = customers;
        this.changes = changes;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Subscription> request(String customerId, SubscriptionRequest request) {
        String product = request.product().strip().toLowerCase(Locale.ROOT);
        if (!config.subscriptions().products().contains(product)) {
            return Uni.createFrom().failure(CustomerProblem.invalid("product",
                    "must be one of " + String.join(", ", config.subscriptions().products())));
        }
        return changes.apply(customerId, customer -> {
            CustomerService.requireNotErased(customer);
            Instant now = now();
            expireLapsed(customer, now);
            if (customer.subscriptions.stream().anyMatch(subscription -> subscription.product.equals(product)
                    && (subscription.status == SubscriptionStatus.pending || subscription.status == SubscriptionStatus.active))) {
                throw CustomerProblem.conflict("already-subscribed", "product",
                        "there is already a pending or active subscription to " + product);
            }
            Subscription subscription = new Subscription();
            subscription.id = "S-" + HexFormat.of().formatHex(randomBytes());
            subscription.product = product;
            subscription.status = SubscriptionStatus.pending;
            subscription.codeChannel = channel(customer, request.channel());
            subscription.requestedAt = now;
            subscription.expiresAt = now.plus(config.subscriptions().codeValidity());
            String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
            subscription.codeHash = hash(subscription.id, code);
            customer.subscriptions.add(subscription);
            return Change.of(subscription, events.confirmationRequested(customer.id, subscription, code, now));
        });
    }

    /**
     * The second confirmation. A wrong code is refused (400) and counted; the last allowed wrong code voids the
     * request. An expired request is 410; a void or cancelled one 409. Confirming an active subscription with its
     * code again answers as the first time did (a retried request), without a second event.
     */
    public Uni<Subscription> confirm(String customerId, String subscriptionId, String code) {
        return changes.apply(customerId, customer -> {
            Subscription subscription = find(customer, subscriptionId);
            Instant now = now();
            boolean lapsed = expireLapsed(customer, now);
            boolean right = Hmac.same(subscription.codeHash, hash(subscription.id, code));
            switch (subscription.status) {
                case active -> {
                    if (right) {
                        return Change.none(subscription);
                    }
                    throw CustomerProblem.conflict("not-pending", null, "this subscription is already active");
                }
                case cancelled -> throw CustomerProblem.conflict("not-pending", null, "this subscription was cancelled");
                case expired -> {
                    if ("too-many-attempts".equals(subscription.voidReason)) {
                        throw CustomerProblem.conflict("too-many-attempts", null,
                                "too many wrong codes: request the subscription again for a new code");
                    }
                    CustomerProblem gone = CustomerProblem.gone("code-expired",
                            "the code expired at " + subscription.expiresAt + ": request the subscription again");
                    if (lapsed) {
                        return Change.refusedAfterWrite(gone);
                    }
                    throw gone;
                }
                default -> {
                }
            }
            if (!right) {
                subscription.failedAttempts++;
                int left = config.subscriptions().maxAttempts() - subscription.failedAttempts;
                if (left <= 0) {
                    subscription.status = SubscriptionStatus.expired;
                    subscription.voidReason = "too-many-attempts";
                }
                return Change.refusedAfterWrite(CustomerProblem.invalid("code", left > 0
                        ? "is wrong; " + left + (left == 1 ? " attempt" : " attempts") + " left"
                        : "is wrong, and that was the last attempt: request the subscription again"));
            }
            subscription.status = SubscriptionStatus.active;
            subscription.confirmedAt = now;
            return Change.of(subscription, events.confirmed(customer.id, subscription));
        });
    }

    /**
     * Ends a pending or active subscription at once. Cancelling one already cancelled answers with it unchanged (no
     * second event); an expired request cannot be cancelled (409).
     */
    public Uni<Subscription> cancel(String customerId, String subscriptionId, CancelChannel channel, String by) {
        return changes.apply(customerId, customer -> {
            Subscription subscription = find(customer, subscriptionId);
            Instant now = now();
            expireLapsed(customer, now);
            if (subscription.status == SubscriptionStatus.cancelled) {
                return Change.none(subscription);
            }
            if (subscription.status == SubscriptionStatus.expired) {
                throw CustomerProblem.conflict("not-cancellable", null, "this subscription request has expired");
            }
            return Change.of(subscription, cancelNow(customer, subscription, channel, by, now));
        });
    }

    /**
     * An SMS keyword from a phone: "STOP product" ends that product's subscription, "STOP" alone every one. The
     * phone must be a verified phone of a customer. Returns the ids cancelled now (none when nothing matched).
     */
    public Uni<List<String>> cancelBySms(String from, String text) {
        String phone = from == null ? null : Contacts.phone(from);
        String[] words = text == null ? new String[0] : text.strip().split("\\s+");
        if (phone == null || words.length == 0 || !words[0].equalsIgnoreCase("STOP") || words.length > 2) {
            return Uni.createFrom().item(List.of());
        }
        String product = words.length == 2 ? words[1].toLowerCase(Locale.ROOT) : null;
        return customers.findByVerifiedContact(Contacts.phoneKey(phone)).chain(holder -> holder == null
                ? Uni.createFrom().item(List.<String> of())
                : changes.apply(holder.id, customer -> {
                    Instant now = now();
                    expireLapsed(customer, now);
                    List<String> cancelled = new ArrayList<>();
                    List<Document> announced = new ArrayList<>();
                    for (Subscription subscription : customer.subscriptions) {
                        boolean open = subscription.status == SubscriptionStatus.active
                                || subscription.status == SubscriptionStatus.pending;
                        if (open && (product == null || subscription.product.equals(product))) {
                            announced.add(cancelNow(customer, subscription, CancelChannel.sms, phone, now));
                            cancelled.add(subscription.id);
                        }
                    }
                    return cancelled.isEmpty() ? Change.none(cancelled) : Change.of(cancelled, announced);
                }));
    }

    private Document cancelNow(Customer customer, Subscription subscription, CancelChannel channel, String by, Instant now) {
        subscription.status = SubscriptionStatus.cancelled;
        subscription.cancelledAt = now;
        subscription.cancelChannel = channel;
        subscription.cancelledBy = by;
        return events.cancelled(customer.id, subscription);
    }

    /** Marks pending requests past their expiry as expired; true if any was. */
    private static boolean expireLapsed(Customer customer, Instant now) {
        boolean any = false;
        for (Subscription subscription : customer.subscriptions) {
            if (subscription.status == SubscriptionStatus.pending && !now.isBefore(subscription.expiresAt)) {
                subscription.status = SubscriptionStatus.expired;
                subscription.voidReason = "expired";
                any = true;
            }
        }
        return any;
    }

    private static Subscription find(Customer customer, String subscriptionId) {
        return customer.subscriptions.stream().filter(subscription -> subscription.id.equals(subscriptionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("there is no subscription " + subscriptionId));
    }

    private static Channel channel(Customer customer, Channel asked) {
        boolean phone = !customer.phones.isEmpty();
        boolean email = !customer.emails.isEmpty();
        Channel channel = asked != null ? asked : phone ? Channel.sms : email ? Channel.email : Channel.in_app;
        if (channel == Channel.sms && !phone || channel == Channel.email && !email
                || channel == Channel.push && customer.pushTokens.isEmpty()) {
            throw CustomerProblem.invalid("channel", "you have no " + channel.name() + " contact to send the code to");
        }
        return channel;
    }

    private String hash(String subscriptionId, String code) {
        return Hmac.sha256Hex(config.subscriptions().codeKey(), subscriptionId + ":" + code);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
