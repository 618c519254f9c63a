package io.careline.complaint.sla;

import static io.careline.complaint.sla.SlaTestSupport.await;
import static io.careline.complaint.sla.SlaTestSupport.chained;
import static io.careline.complaint.sla.SlaTestSupport.inTransaction;
import static io.careline.complaint.sla.SlaTestSupport.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Filings append to the ledger without waiting on each other; the chainer links what they wrote, in batches. */
@QuarkusTest
class SlaLedgerChainingTest {

    @Inject
    SlaClocks clocks;

    @Inject
    SlaLedger ledger;

    @Inject
    Pool pool;

    @Test
    void aFilingCommitsWhileAnotherFilingsTransactionIsStillOpenAndIsChainedFirst() throws Exception {
        chained(ledger);
        SlaSubject first = subject("OTHER", null, "WEB", Instant.now());
        SlaSubject second = subject("OTHER", null, "WEB", Instant.now());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<Void> release = new CompletableFuture<>();
        try {
            // the first filing has appended its ledger entries and holds its transaction open
            CompletableFuture<Void> appended = new CompletableFuture<>();
            Future<?> held = threads.submit(() -> inTransaction(() -> {
                Context context = Vertx.currentContext();
                return clocks.start(first)
                        .invoke(() -> appended.complete(null))
                        // back on the transaction's context when released (the session belongs to it)
                        .chain(() -> Uni.createFrom().completionStage(release).emitOn(task -> context.runOnContext(ignored -> task.run())));
            }));
            appended.get(60, TimeUnit.SECONDS);

            // another filing commits meanwhile; with one lock for the whole ledger it would wait until the first ends
            Future<List<SlaClock>> other = threads.submit(() -> inTransaction(() -> clocks.start(second)));
            assertThat(other.get(60, TimeUnit.SECONDS)).hasSize(2);

            // the chainer links what is committed: the second filing's entries, though written after the first's
            assertThat(chained(ledger)).isEqualTo(2);
            release.complete(null);
            held.get(60, TimeUnit.SECONDS);
            assertThat(chained(ledger)).isEqualTo(2);
        } finally {
            release.complete(null);
            threads.shutdownNow();
        }
        List<Row> firstEntries = entries(List.of(first.complaintId()));
        List<Row> secondEntries = entries(List.of(second.complaintId()));
        assertThat(firstEntries.get(0).getLong("id")).isLessThan(secondEntries.get(0).getLong("id"));
        assertThat(firstEntries.get(0).getLong("seq")).isGreaterThan(secondEntries.get(1).getLong("seq"));
        SlaLedger.Verification verification = await(ledger::verify);
        assertThat(verification.valid()).as(String.valueOf(verification.firstBroken())).isTrue();
        assertThat(verification.pending()).isZero();
    }

    @Test
    void batchesContinueOneChainAndKeepEachClocksOrder() {
        chained(ledger);
        long headBefore = await(ledger::verify).headSeq();
        List<UUID> complaints = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            SlaSubject complaint = subject("OTHER", null, "WEB", Instant.now());
            complaints.add(complaint.complaintId());
            inTransaction(() -> clocks.start(complaint));
        }
        for (UUID id : complaints) {
            inTransaction(() -> clocks.pausedWaitingOnCustomer(id, Instant.now())
                    .chain(() -> clocks.resumed(id, Instant.now()))
                    .chain(() -> clocks.firstPublicReplyByPerson(id, Instant.now())));
        }
        // 7 × (2 started + 2 paused + 2 resumed + 1 stopped) = 49 entries wait, and verification says so
        SlaLedger.Verification before = await(ledger::verify);
        assertThat(before.valid()).isTrue();
        assertThat(before.pending()).isEqualTo(49);
        assertThat(before.oldestPendingAt()).isNotNull();
        assertThat(before.headSeq()).isEqualTo(headBefore);

        // in batches of 5, at most 3 per pass: 15, 15, 15, 4
        assertThat(await(() -> ledger.chainPending(5, 3))).isEqualTo(15);
        assertThat(await(ledger::verify).pending()).isEqualTo(34);
        assertThat(await(() -> ledger.chainPending(5, 3))).isEqualTo(15);
        assertThat(await(() -> ledger.chainPending(5, 3))).isEqualTo(15);
        assertThat(await(() -> ledger.chainPending(5, 3))).isEqualTo(4);

        List<Row> rows = entries(complaints);
        // chain order is write order: seq follows id, without gaps after the head the batches found
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).getLong("seq")).isEqualTo(headBefore + 1 + i);
        }
        SlaLedger.Verification after = await(ledger::verify);
        assertThat(after.valid()).as(String.valueOf(after.firstBroken())).isTrue();
        assertThat(after.pending()).isZero();
        assertThat(after.headSeq()).isEqualTo(headBefore + 49);
        List<String> types = SlaTestSupport.ledgerTypes(pool, complaints.get(3));
        assertThat(types).hasSize(7)
                .containsSubsequence("FIRST_REPLY:STARTED", "FIRST_REPLY:PAUSED", "FIRST_REPLY:RESUMED", "FIRST_REPLY:STOPPED")
                .containsSubsequence("RESOLUTION:STARTED", "RESOLUTION:PAUSED", "RESOLUTION:RESUMED");
    }

    /** The complaints' entries in the order written (id). */
    private List<Row> entries(List<UUID> complaints) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery("SELECT id, seq FROM sla_ledger WHERE complaint_id = ANY($1) ORDER BY id")
                .execute(Tuple.of(complaints.toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(10))
                .forEach(rows::add);
        return rows;
    }
}
