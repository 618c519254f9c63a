package io.careline.complaint;

import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.fileAsAgent;
import static io.careline.complaint.Api.staff;
import static io.careline.complaint.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Queues per agent and team, by SLA urgency, with filters and search; bulk reassignment, all or nothing. */
@QuarkusTest
class StaffQueueTest {

    @Inject
    Pool pool;

    @Test
    void aTeamQueueIsOrderedBySlaUrgencyWithNoTargetLast() {
        String team = "q" + UUID.randomUUID().toString().substring(0, 8);
        String a = fileAsAgent("sam", "C-1001", "BILLING", unique("urgent later"));
        String b = fileAsAgent("sam", "C-1002", "NETWORK", unique("due soonest"));
        String c = fileAsAgent("sam", "C-1003", "SERVICE", unique("answered, resolution due"));
        String d = fileAsAgent("sam", "C-1001", "DEVICE", unique("answered, no resolution target"));
        staff("sam").body(Map.of("ids", List.of(a, b, c, d), "team", team)).post(STAFF + "/bulk-reassign")
                .then().statusCode(200).body("reassigned", equalTo(4));
        // b's first reply is due before a's; c was answered and its resolution is due between them; d has no target
        due(a, "now() + interval '40 hours'", null);
        due(b, "now() + interval '2 hours'", null);
        staff("sam").body(Map.of("body", "on it")).post(STAFF + "/" + c + "/replies").then().statusCode(201);
        staff("sam").body(Map.of("body", "on it")).post(STAFF + "/" + d + "/replies").then().statusCode(201);
        due(c, "now() - interval '1 hour'", "now() + interval '10 hours'");

        List<String> order = staff("sam").queryParam("team", team).get(STAFF).then().statusCode(200)
                .body("total", equalTo(4)).extract().path("items.id");
        assertThat(order).containsExactly(b, c, a, d);

        // filters
        assertThat(List.<String> copyOf(staff("sam").queryParam("team", team).queryParam("category", "network").get(STAFF).then()
                .statusCode(200).extract().path("items.id"))).containsExactly(b);
        assertThat(List.<String> copyOf(staff("sam").queryParam("team", team).queryParam("status", "IN_PROGRESS").get(STAFF).then()
                .statusCode(200).extract().path("items.id"))).containsExactly(c, d);
        assertThat(List.<String> copyOf(staff("sam").queryParam("team", team).queryParam("channel", "hotline").queryParam("priority", "NORMAL")
                .get(STAFF).then().statusCode(200).extract().path("items.id"))).hasSize(4);
        due(a, "now() - interval '1 hour'", null);
        assertThat(List.<String> copyOf(staff("sam").queryParam("team", team).queryParam("overdue", "true").get(STAFF).then()
                .statusCode(200).extract().path("items.id"))).containsExactly(a);
        // search by reference, subject, customer id
        String reference = staff("sam").get(STAFF + "/" + b).then().extract().path("reference");
        assertThat(List.<String> copyOf(staff("sam").queryParam("q", reference.toLowerCase()).get(STAFF).then().statusCode(200)
                .extract().path("items.id"))).containsExactly(b);
        assertThat(List.<String> copyOf(staff("sam").queryParam("team", team).queryParam("q", "DUE SOONEST").get(STAFF).then()
                .statusCode(200).extract().path("items.id"))).containsExactly(b);
        assertThat(List.<String> copyOf(staff("sam").queryParam("team", team).queryParam("q", "C-1003").get(STAFF).then()
                .statusCode(200).extract().path("items.id"))).containsExactly(c);
        // bad filters name the parameter
        staff("sam").queryParam("status", "SLEEPING").get(STAFF).then().statusCode(400).body("errors[0].field", equalTo("status"));
        staff("sam").queryParam("overdue", "maybe").get(STAFF).then().statusCode(400).body("errors[0].field", equalTo("overdue"));
        staff("sam").queryParam("size", 0).get(STAFF).then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void agentsSeeTheirOwnAndTheirTeamsOnly() {
        String north = fileAsAgent("agnes", "C-1001", "OTHER", unique("north's"));
        String south = fileAsAgent("ted", "C-1002", "OTHER", unique("south's"));

        List<String> agnes = staff("agnes").queryParam("size", 100).queryParam("team", "north").get(STAFF).then()
                .statusCode(200).extract().path("items.id");
        assertThat(agnes).contains(north).doesNotContain(south);
        assertThat(List.<String> copyOf(staff("agnes").queryParam("size", 100).queryParam("team", "south").get(STAFF).then()
                .statusCode(200).extract().path("items.id"))).isEmpty();
        staff("agnes").get(STAFF + "/" + south).then().statusCode(404);
        staff("ted").get(STAFF + "/" + north).then().statusCode(404);

        // assigned across teams to agnes herself: now hers to see, while it stays in south's queue
        staff("sam").body(Map.of("assignee", "agnes")).post(STAFF + "/" + south + "/assignment").then().statusCode(200);
        staff("agnes").get(STAFF + "/" + south).then().statusCode(200);
        assertThat(List.<String> copyOf(staff("agnes").queryParam("assignee", "me").queryParam("size", 100).get(STAFF).then()
                .statusCode(200).extract().path("items.id"))).contains(south);
        staff("ted").get(STAFF + "/" + south).then().statusCode(200);
        staff("mia").get(STAFF + "/" + north).then().statusCode(200);
    }

    @Test
    void bulkReassignmentIsAllOrNothingAndBounded() {
        String a = fileAsAgent("agnes", "C-1001", "OTHER", unique("bulk a"));
        String b = fileAsAgent("agnes", "C-1002", "OTHER", unique("bulk b"));
        String missing = UUID.randomUUID().toString();

        staff("sam").body(Map.of("ids", List.of(a, b, missing), "assignee", "ted", "team", "south"))
                .post(STAFF + "/bulk-reassign").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("ids[2]"));
        staff("sam").get(STAFF + "/" + a).then().body("team", equalTo("north")).body("assignee", equalTo(null));
        staff("sam").get(STAFF + "/" + b).then().body("team", equalTo("north"));

        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            tooMany.add(UUID.randomUUID().toString());
        }
        staff("sam").body(Map.of("ids", tooMany, "team", "south")).post(STAFF + "/bulk-reassign").then().statusCode(400)
                .body("errors[0].field", equalTo("ids"));
        staff("sam").body(Map.of("ids", List.of(a))).post(STAFF + "/bulk-reassign").then().statusCode(400)
                .body("errors[0].field", equalTo("assignee"));
        staff("agnes").body(Map.of("ids", List.of(a), "team", "south")).post(STAFF + "/bulk-reassign").then().statusCode(403);

        staff("sam").body(Map.of("ids", List.of(a, b), "assignee", "ted", "team", "south", "reason", "training day"))
                .post(STAFF + "/bulk-reassign").then().statusCode(200).body("reassigned", equalTo(2));
        staff("ted").get(STAFF + "/" + a).then().statusCode(200).body("assignee", equalTo("ted"))
                .body("history.findAll { it.action == 'ASSIGN' }.reason", org.hamcrest.Matchers.hasItem("training day"));
        staff("agnes").get(STAFF + "/" + b).then().statusCode(404);
    }

    private void due(String id, String firstReplyDue, String resolutionDue) {
        pool.preparedQuery("UPDATE complaint SET first_reply_due_at = " + firstReplyDue + ", resolution_due_at = "
                + (resolutionDue == null ? "NULL" : resolutionDue) + " WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely();
    }
}
