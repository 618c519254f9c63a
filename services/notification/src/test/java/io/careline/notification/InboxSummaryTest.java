package io.careline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.careline.notification.repository.InboxMessage;
import io.careline.notification.repository.InboxMessageRepository;
import io.careline.notification.repository.InboxSummary;
import io.careline.notification.repository.InboxSummaryRepository;
import io.careline.notification.service.InboxCursor;
import io.careline.notification.service.InboxPage;
import io.careline.notification.service.InboxService;
import io.careline.notification.service.InboxSummarySweep;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The inbox's counts come from one summary document per customer, kept exact by single-document updates only, and
 * pages come by keyset: against the same Mongo-wire server as the stack's. Each test has a customer of its own.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class InboxSummaryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    InboxService inbox;

    @Inject
    InboxMessageRepository messages;

    @Inject
    InboxSummaryRepository summaries;

    @Inject
    InboxSummarySweep sweep;

    @Test
    void countsStayExactUnderConcurrentInsertsRedeliveriesAndMarkReads() {
        String customer = newCustomer();
        List<String> events = IntStream.range(0, 30).mapToObj(i -> UUID.randomUUID().toString()).toList();

        // every event delivered twice, eight at a time (within the pool: the service fails fast on a full one), as two
        // replicas or a redelivery would
        List<Uni<Boolean>> first = new ArrayList<>();
        for (String event : events) {
            first.add(inbox.deliver(message(customer, event)));
            first.add(inbox.deliver(message(customer, event)));
        }
        List<Boolean> created = Uni.join().all(first).usingConcurrencyOf(8).andFailFast().await().atMost(WAIT);
        assertThat(created.stream().filter(Boolean::booleanValue)).hasSize(30);

        // half of them read, each twice at once, while ten more arrive
        List<String> ids = messages.find("customerId", customer).list().await().atMost(WAIT).stream()
                .map(message -> message.id.toHexString()).toList();
        List<Uni<Boolean>> second = new ArrayList<>();
        for (String id : ids.subList(0, 15)) {
            second.add(inbox.markRead(customer, id));
            second.add(inbox.markRead(customer, id));
        }
        for (int i = 0; i < 10; i++) {
            second.add(inbox.deliver(message(customer, UUID.randomUUID().toString())));
        }
        Uni.join().all(second).usingConcurrencyOf(8).andFailFast().await().atMost(WAIT);

        InboxSummary summary = summary(customer);
        assertThat(summary.total).isEqualTo(countAll(customer)).isEqualTo(40);
        assertThat(summary.unread).isEqualTo(countUnread(customer)).isEqualTo(25);
        // read whole: the stand-in's countDocuments with $exists counts documents without the field
        assertThat(messages.mongoCollection().withDocumentClass(Document.class).find(Filters.eq("customerId", customer))
                .filter(document -> document.containsKey("summaryPendingSince")).collect().asList().await().atMost(WAIT))
                .as("messages left pending").isEmpty();
        InboxPage page = inbox.pageOwned(customer, null, 5).await().atMost(WAIT);
        assertThat(page.total()).isEqualTo(40);
        assertThat(page.unread()).isEqualTo(25);
    }

    @Test
    void aCrashBetweenTheMessageAndTheSummaryIsRepairedByTheSweepOnce() {
        String customer = newCustomer();
        inbox.deliver(message(customer, UUID.randomUUID().toString())).await().atMost(WAIT);
        // crashed after the insert: the message is there, the summary never heard of it
        InboxMessage lost = pendingMessage(customer);
        messages.persist(lost).await().atMost(WAIT);
        // crashed after the summary counted it, before the message recorded that
        InboxMessage half = pendingMessage(customer);
        messages.persist(half).await().atMost(WAIT);
        summaries.apply(customer, "i:" + half.id.toHexString(), 1, 1).await().atMost(WAIT);
        assertThat(summary(customer).total).isEqualTo(2);

        sweep.sweep().await().atMost(WAIT);
        sweep.sweep().await().atMost(WAIT);

        assertThat(summary(customer).total).isEqualTo(3).isEqualTo(countAll(customer));
        assertThat(summary(customer).unread).isEqualTo(3);
    }

    @Test
    void aRedeliveryFinishesWhatACrashLeftAndAMarkReadRetryToo() {
        String customer = newCustomer();
        InboxMessage lost = pendingMessage(customer);
        lost.summaryPendingSince = Instant.now(); // recent: the sweep would not take it yet
        messages.persist(lost).await().atMost(WAIT);

        assertThat(inbox.deliver(message(customer, lost.sourceEventId)).await().atMost(WAIT)).isFalse();
        assertThat(summary(customer).total).isEqualTo(1);

        // read, then crashed before the summary: marking it again settles it
        Instant readAt = Instant.now();
        messages.mongoCollection().updateOne(Filters.eq("_id", lost.id), Updates.combine(Updates.set("readAt", readAt),
                Updates.set("summaryPendingSince", readAt))).await().atMost(WAIT);
        assertThat(summary(customer).unread).isEqualTo(1);
        assertThat(inbox.markRead(customer, lost.id.toHexString()).await().atMost(WAIT)).isTrue();
        assertThat(summary(customer).unread).isZero();
        assertThat(inbox.markRead(customer, lost.id.toHexString()).await().atMost(WAIT)).isTrue();
        assertThat(summary(customer).unread).isZero();
        assertThat(summary(customer).total).isEqualTo(1);
    }

    @Test
    void keysetPagesWalkEqualTimestampsWithoutGapsOrRepeats() {
        String customer = newCustomer();
        Instant same = Instant.parse("2026-05-01T10:00:00Z");
        List<InboxMessage> stored = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            stored.add(settled(customer, same));
        }
        stored.add(settled(customer, same.plusSeconds(1)));
        stored.add(settled(customer, same.minusSeconds(1)));
        stored.add(settled(customer, same.minusSeconds(1)));
        messages.persist(stored).await().atMost(WAIT);
        List<ObjectId> expected = stored.stream()
                .sorted((a, b) -> a.createdAt.equals(b.createdAt) ? b.id.compareTo(a.id) : b.createdAt.compareTo(a.createdAt))
                .map(message -> message.id).toList();

        List<ObjectId> walked = new ArrayList<>();
        InboxCursor cursor = null;
        int pages = 0;
        do {
            InboxPage page = inbox.pageOwned(customer, cursor, 3).await().atMost(WAIT);
            page.items().forEach(message -> walked.add(message.id));
            cursor = page.next() == null ? null : InboxCursor.decode(page.next().encode()).orElseThrow();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
        assertThat(new HashSet<>(walked)).hasSize(10);
    }

    @Test
    void aCursorIsOpaqueAndOnlyOursIsAccepted() {
        InboxCursor cursor = new InboxCursor(Instant.parse("2026-05-01T10:00:00.123Z"), new ObjectId());
        assertThat(InboxCursor.decode(cursor.encode())).contains(cursor);
        for (String bad : Set.of("", "x", "MTIz", "bm90LmFuLmlk", "!!!!", "A".repeat(100))) {
            assertThat(InboxCursor.decode(bad)).as(bad).isEmpty();
        }
    }

    private InboxSummary summary(String customer) {
        return summaries.of(customer).await().atMost(WAIT);
    }

    // counted here from the messages themselves: the stand-in's countDocuments mishandles missing fields
    private long countAll(String customer) {
        return messages.list("customerId", customer).await().atMost(WAIT).size();
    }

    private long countUnread(String customer) {
        return messages.list("customerId", customer).await().atMost(WAIT).stream().filter(m -> m.readAt == null).count();
    }

    private static String newCustomer() {
        return "C-T" + UUID.randomUUID().toString().substring(0, 8);
    }

    static InboxMessage message(String customer, String sourceEventId) {
        InboxMessage message = new InboxMessage();
        message.customerId = customer;
        message.kind = InboxMessage.Kind.COMPLAINT_ACKNOWLEDGEMENT;
        message.title = "t";
        message.body = "b";
        message.sourceEventId = sourceEventId;
        return message;
    }

    /** A message as a crash right after its insert leaves it: pending for an hour, not counted. */
    private static InboxMessage pendingMessage(String customer) {
        InboxMessage message = message(customer, UUID.randomUUID().toString());
        message.id = new ObjectId();
        message.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        message.summaryPendingSince = message.createdAt.minus(Duration.ofHours(1));
        return message;
    }

    private static InboxMessage settled(String customer, Instant createdAt) {
        InboxMessage message = message(customer, UUID.randomUUID().toString());
        message.id = new ObjectId();
        message.createdAt = createdAt;
        message.counted = InboxMessage.Counted.UNREAD;
        return message;
    }
}
