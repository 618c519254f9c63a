package io.careline.customer.timeline;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.careline.contracts.Topics;
import io.careline.contracts.customer.CustomerErased;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.CustomerProblem;
import io.smallrye.mutiny.Uni;

/**
 * The 360° timeline: every event about a customer on the four services' topics, this one's included, as one list per
 * customer, newest first. Built only from events: this service reads nobody else's database. Every event type is kept,
 * those this service does not know too (type, source, time and data), so a new kind of event shows without a release
 * here. Personal text and secrets are left out of the data; erasure removes the data of every entry, and an event
 * arriving after it is stored without.
 */
@ApplicationScoped
public class TimelineService {

    /** The services whose events make the timeline, by the topic they own. */
    static final Map<String, String> SOURCES = Map.of(Topics.CUSTOMER, "customer", Topics.COMPLAINT, "complaint",
            Topics.CARE, "claim-care", Topics.NOTIFICATION, "notification");

    /** Fields never kept, at any depth: what a person wrote or is reached by, and codes. */
    private static final Set<String> LEFT_OUT = Set.of("code", "displayName", "givenName", "familyName", "name", "birthday",
            "emails", "email", "phones", "phone", "address", "pushTokens", "text", "body", "subject", "description",
            "comment", "note", "answers", "message");

    private final TimelineRepository timeline;
    private final CustomerRepository customers;

    public TimelineService(TimelineRepository timeline, CustomerRepository customers) {
        this.timeline = timeline;
        this.customers = customers;
    }

    /** A page of entries and where the next one starts (null on the last page). */
    public record Page(List<TimelineEntry> items, String next) {
    }

    /**
     * Records an event once (its id is the entry's). CustomerErased also erases the customer's entries. An entry
     * written while the customer was being erased is erased again after it is written, so none keeps data.
     */
    public Uni<Boolean> record(TimelineEntry entry) {
        entry.data = entry.data == null ? null : without(entry.data);
        Uni<Boolean> recorded = erased(entry.customerId).chain(erased -> {
            if (erased) {
                entry.data = null;
                entry.erased = true;
            }
            return timeline.addOnce(entry);
        });
        if (CustomerErased.EVENT.name().equals(entry.type) && "customer".equals(entry.source)) {
            return recorded.call(() -> timeline.erase(entry.customerId));
        }
        return recorded.call(added -> added && !entry.erased
                ? erased(entry.customerId).chain(erased -> erased ? timeline.erase(entry.customerId) : Uni.createFrom().nullItem())
                : Uni.createFrom().nullItem());
    }

    public Uni<Page> page(String customerId, String after, int size) {
        TimelineRepository.Position from = after == null ? null : position(after);
        return timeline.page(customerId, from, size + 1).map(found -> {
            if (found.size() <= size) {
                return new Page(found, null);
            }
            TimelineEntry last = found.get(size - 1);
            return new Page(found.subList(0, size), cursor(last));
        });
    }

    static String cursor(TimelineEntry entry) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (entry.at.toEpochMilli() + "|" + entry.id).getBytes(StandardCharsets.UTF_8));
    }

    static TimelineRepository.Position position(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new TimelineRepository.Position(Instant.ofEpochMilli(Long.parseLong(decoded.substring(0, bar))),
                    decoded.substring(bar + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw CustomerProblem.invalid("after", "is not a position this service gave (use the previous page's next)");
        }
    }

    private Uni<Boolean> erased(String customerId) {
        return customers.findById(customerId).map(customer -> customer != null && customer.erased());
    }

    private static Document without(Document data) {
        Document kept = new Document();
        data.forEach((key, value) -> {
            if (!LEFT_OUT.contains(key)) {
                kept.put(key, value instanceof Document nested ? without(nested) : value);
            }
        });
        return kept;
    }
}
