package io.careline.complaint;

import static io.careline.complaint.Api.MINE;
import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.customer;
import static io.careline.complaint.Api.fileAsCustomer;
import static io.careline.complaint.Api.staff;
import static io.careline.complaint.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SLA clocks follow the complaint through the staff and customer API: the automatic acknowledgement stops
 * nothing, a person's first reply stops the first-reply clock and is credited to them, waiting on the customer pauses
 * the resolution clock, the customer's answer resumes it, resolving stops it; every step is in the ledger.
 */
@QuarkusTest
class SlaFollowsTheLifecycleTest {

    @Inject
    Pool pool;

    @Test
    void theClocksFollowTheComplaint() {
        UUID id = UUID.fromString(fileAsCustomer("alice", "BILLING", unique("Charged twice")));
        Row firstReply = clock(id, "FIRST_REPLY");
        assertThat(firstReply.getString("state")).isEqualTo("RUNNING"); // acknowledged by the system: still running
        Instant promised = Instant.parse(staff("sam").get(STAFF + "/" + id).then().statusCode(200)
                .extract().path("firstReplyDueAt"));
        assertThat(promised).isEqualTo(firstReply.getOffsetDateTime("due_at").toInstant());
        Instant resolutionDue = Instant.parse(staff("sam").get(STAFF + "/" + id).then().statusCode(200)
                .extract().path("resolutionDueAt"));
        assertThat(resolutionDue).isEqualTo(clock(id, "RESOLUTION").getOffsetDateTime("due_at").toInstant());

        staff("sam").body(Map.of("assignee", "agnes", "team", "north", "reason", "billing desk"))
                .post(STAFF + "/" + id + "/assignment").then().statusCode(200);
        staff("agnes").body(Map.of("body", "Could you send the bill?", "awaitCustomer", true))
                .post(STAFF + "/" + id + "/replies").then().statusCode(201);

        firstReply = clock(id, "FIRST_REPLY");
        assertThat(firstReply.getString("state")).isEqualTo("STOPPED");
        assertThat(firstReply.getString("outcome")).isEqualTo("MET");
        assertThat(clock(id, "RESOLUTION").getString("state")).isEqualTo("PAUSED");

        customer("alice").body(Map.of("body", "Here it is.")).post(MINE + "/" + id + "/messages").then().statusCode(201);
        assertThat(clock(id, "RESOLUTION").getString("state")).isEqualTo("RUNNING");

        staff("agnes").body(Map.of("status", "RESOLVED", "reason", "refunded"))
                .post(STAFF + "/" + id + "/status").then().statusCode(200);
        Row resolution = clock(id, "RESOLUTION");
        assertThat(resolution.getString("state")).isEqualTo("STOPPED");
        assertThat(resolution.getString("outcome")).isEqualTo("MET");

        assertThat(ledger(id)).containsSubsequence("FIRST_REPLY:STARTED", "FIRST_REPLY:ASSIGNED", "FIRST_REPLY:STOPPED");
        assertThat(ledger(id)).containsSubsequence("RESOLUTION:STARTED", "RESOLUTION:PAUSED", "RESOLUTION:RESUMED",
                "RESOLUTION:STOPPED");
        assertThat(creditedReply(id)).isEqualTo("agnes");
    }

    private Row clock(UUID complaintId, String kind) {
        return pool.preparedQuery("SELECT * FROM sla_clock WHERE complaint_id = $1 AND kind = $2")
                .execute(Tuple.of(complaintId, kind)).await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private List<String> ledger(UUID complaintId) {
        List<String> entries = new ArrayList<>();
        pool.preparedQuery("SELECT clock_kind || ':' || entry_type AS e FROM sla_ledger WHERE complaint_id = $1 ORDER BY id")
                .execute(Tuple.of(complaintId)).await().atMost(Duration.ofSeconds(10))
                .forEach(row -> entries.add(row.getString("e")));
        return entries;
    }

    /** Who the ledger credits with the first reply (the payload's {@code by}). */
    private String creditedReply(UUID complaintId) {
        return pool.preparedQuery("SELECT payload::jsonb->>'by' AS by FROM sla_ledger WHERE complaint_id = $1 "
                + "AND clock_kind = 'FIRST_REPLY' AND entry_type = 'STOPPED'")
                .execute(Tuple.of(complaintId)).await().atMost(Duration.ofSeconds(10)).iterator().next().getString("by");
    }
}
