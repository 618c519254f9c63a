package io.careline.complaint.sla;

import static io.careline.complaint.sla.SlaTestSupport.inTransaction;
import static io.careline.complaint.sla.SlaTestSupport.subject;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.careline.outbox.EventOutbox;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Two timer workers, as two replicas would run them, on one database at once, over many clocks whose every stage is
 * due: each warning, breach and escalation reaches the outbox exactly once, and the ledger stays one chain.
 */
@QuarkusTest
class SlaTimersExactlyOnceTest {

    private static final Logger LOG = Logger.getLogger(SlaTimersExactlyOnceTest.class);
    private static final int COMPLAINTS = 150;

    @Inject
    SlaClocks clocks;

    @Inject
    SlaTimers replicaOne;

    @Inject
    SlaPolicies policies;

    @Inject
    SlaLedger ledger;

    @Inject
    EventOutbox outbox;

    @Inject
    Clock clock;

    @Inject
    SlaConfig config;

    @Inject
    TestClock time;

    @Inject
    Pool pool;

    @AfterEach
    void realTime() {
        time.reset();
    }

    @Test
    void twoWorkersFireEveryTimerExactlyOnce() throws Exception {
        // 21 days after filing every stage of both clocks is due (first reply 36/48/96 h, resolution 180/240/480 h)
        Instant received = Instant.now().minus(Duration.ofDays(1));
        List<UUID> complaints = new ArrayList<>();
        List<SlaSubject> subjects = new ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            SlaSubject subject = subject("SERVICE", null, "WEB", received);
            subjects.add(subject);
            complaints.add(subject.complaintId());
        }
        inTransaction(() -> Multi.createFrom().iterable(subjects)
                .onItem().transformToUniAndConcatenate(clocks::start).collect().asList());
        time.set(received.plus(Duration.ofDays(21)));

        SlaTimers replicaTwo = new SlaTimers(policies, ledger, outbox, clock, config, new SimpleMeterRegistry());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (SlaTimers worker : List.of(replicaOne, replicaTwo)) {
                // small batches, so both workers claim many times and race for the same due clocks
                Callable<Integer> run = () -> {
                    int total = 0;
                    int claimed;
                    do {
                        claimed = SlaTestSupport.await(() -> worker.tick(7));
                        total += claimed;
                    } while (claimed > 0);
                    return total;
                };
                runs.add(threads.submit(run));
            }
            int one = runs.get(0).get(120, TimeUnit.SECONDS);
            int two = runs.get(1).get(120, TimeUnit.SECONDS);
            LOG.infof("clocks claimed: %d by one worker, %d by the other", one, two);
        } finally {
            threads.shutdownNow();
        }

        Map<String, Long> perComplaintAndType = new HashMap<>();
        pool.preparedQuery("""
                SELECT payload->'data'->>'complaintId' AS complaint, payload->'data'->>'clock' AS clock,
                       payload->>'type' AS type, count(*) AS n
                FROM outbox_event WHERE payload->'data'->>'complaintId' = ANY($1)
                GROUP BY 1, 2, 3""")
                .execute(Tuple.of(complaints.stream().map(UUID::toString).toArray(String[]::new)))
                .await().atMost(Duration.ofSeconds(30))
                .forEach(row -> perComplaintAndType.put(row.getString("complaint") + "/" + row.getString("clock") + "/"
                        + row.getString("type"), row.getLong("n")));
        for (UUID complaint : complaints) {
            for (String kind : List.of("FIRST_REPLY", "RESOLUTION")) {
                for (String type : List.of("SlaWarning", "SlaBreached", "SlaEscalated")) {
                    assertThat(perComplaintAndType.get(complaint + "/" + kind + "/" + type))
                            .as(complaint + " " + kind + " " + type).isEqualTo(1L);
                }
            }
        }
        assertThat(perComplaintAndType).hasSize(COMPLAINTS * 6);
        long ledgerEntries = pool.preparedQuery("""
                SELECT count(*) FROM sla_ledger WHERE complaint_id = ANY($1) AND entry_type IN ('WARNED', 'BREACHED', 'ESCALATED')""")
                .execute(Tuple.of(complaints.toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(30))
                .iterator().next().getLong(0);
        assertThat(ledgerEntries).isEqualTo(COMPLAINTS * 6L);
        SlaLedger.Verification verification = SlaTestSupport.await(ledger::verify);
        assertThat(verification.firstBroken()).isNull();
        assertThat(verification.valid()).isTrue();
    }
}
