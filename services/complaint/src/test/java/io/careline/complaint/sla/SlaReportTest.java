package io.careline.complaint.sla;

import static io.careline.complaint.sla.SlaTestSupport.inTransaction;
import static io.careline.complaint.sla.SlaTestSupport.subject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * March 2031's first replies, set up on the test's clock (no other test uses that month), replayed from the ledger:
 * one on time, one 2 h late, one unanswered past its due time, one unanswered and not yet due, and one filed in April.
 */
@QuarkusTest
class SlaReportTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String REPORT = "/api/v1/complaints/sla/reports/";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    SlaClocks clocks;

    @Inject
    SlaTimers timers;

    @Inject
    TestClock time;

    @AfterEach
    void realTime() {
        time.reset();
    }

    @Test
    void aMonthIsReplayedFromTheLedgerOverallPerTeamAndPerAgent() {
        SlaSubject onTime = subject("BILLING", null, "APP", Instant.parse("2031-03-03T10:00:00Z"));
        SlaSubject late = subject("BILLING", null, "APP", Instant.parse("2031-03-04T10:00:00Z"));
        SlaSubject overdue = subject("NETWORK", null, "WEB", Instant.parse("2031-03-05T10:00:00Z"));
        SlaSubject notYetDue = subject("SERVICE", null, "WEB", Instant.parse("2031-03-31T23:00:00Z"));
        SlaSubject april = subject("SERVICE", null, "WEB", Instant.parse("2031-04-01T01:00:00Z"));
        inTransaction(() -> clocks.start(onTime)
                .chain(() -> clocks.start(late)).chain(() -> clocks.start(overdue))
                .chain(() -> clocks.start(notYetDue)).chain(() -> clocks.start(april))
                .chain(() -> clocks.assigned(onTime.complaintId(), "agnes", "north", Instant.parse("2031-03-03T10:05:00Z")))
                .chain(() -> clocks.assigned(late.complaintId(), "agnes", "north", Instant.parse("2031-03-04T10:05:00Z")))
                .chain(() -> clocks.assigned(overdue.complaintId(), "agnes", "north", Instant.parse("2031-03-05T10:05:00Z"))));
        // agnes replies to the first (credited to her as the assignee); ted, of the south team, to the second, 50 h on
        inTransaction(() -> clocks.firstPublicReplyByPerson(onTime.complaintId(), Instant.parse("2031-03-03T12:00:00Z"))
                .chain(() -> clocks.firstPublicReplyByPerson(late.complaintId(), Instant.parse("2031-03-06T12:00:00Z"), "ted", "south")));
        time.set(Instant.parse("2031-04-01T12:00:00Z"));
        SlaTestSupport.await(timers::drain);

        JsonPath report = given().auth().oauth2(TOKENS.staff("mia")).when().get(REPORT + "2031-03")
                .then().statusCode(200).contentType(startsWith("application/json")).extract().jsonPath();

        assertThat(report.getString("month")).isEqualTo("2031-03");
        assertThat(report.getInt("clocks")).isEqualTo(4);
        Map<String, Object> overall = report.getMap("overall");
        assertThat(overall).containsEntry("received", 4).containsEntry("replied", 2).containsEntry("repliedWithinTarget", 1)
                .containsEntry("unanswered", 2).containsEntry("unansweredOverdue", 1);
        assertThat(report.getDouble("overall.withinTargetPercent")).isEqualTo(50.0);
        assertThat(report.getList("overall.late.reference")).containsExactly(late.reference());
        assertThat(report.getLong("overall.late[0].lateBySeconds")).isEqualTo(Duration.ofHours(2).getSeconds());
        assertThat(report.getString("overall.late[0].lateBy")).isEqualTo("PT2H");
        assertThat(report.getString("overall.late[0].dueAt")).isEqualTo("2031-03-06T10:00:00Z");

        assertThat(report.getList("teams.name")).containsExactly("(unassigned)", "north", "south");
        assertThat(report.getMap("teams.find { it.name == 'north' }.figures")).containsEntry("received", 2)
                .containsEntry("replied", 1).containsEntry("repliedWithinTarget", 1).containsEntry("unansweredOverdue", 1);
        assertThat(report.getMap("teams.find { it.name == 'south' }.figures")).containsEntry("received", 1)
                .containsEntry("replied", 1).containsEntry("repliedWithinTarget", 0);
        assertThat(report.getList("agents.name")).containsExactly("(unassigned)", "agnes", "ted");
        assertThat(report.getList("agents.find { it.name == 'ted' }.figures.late.lateBySeconds")).containsExactly(7200);

        String csv = given().auth().oauth2(TOKENS.staff("sam")).accept("text/csv").when().get(REPORT + "2031-03")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("row,scope,name,received,replied,replied_within_target,within_target_percent");
        assertThat(lines).contains("summary,overall,2031-03,4,2,1,50.0,2,1,,,,,",
                "summary,team,north,2,1,1,100.0,1,1,,,,,",
                "late,overall,2031-03,,,,,,," + late.complaintId() + "," + late.reference()
                        + ",2031-03-06T10:00:00Z,2031-03-06T12:00:00Z,7200");
        assertThat(given().auth().oauth2(TOKENS.staff("sam")).when().get(REPORT + "2031-03.csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString()).isEqualTo(csv);
    }

    @Test
    void aBadMonthIsAProblemNamingIt() {
        for (String month : List.of("2031-13", "March", "2031-3")) {
            given().auth().oauth2(TOKENS.staff("sam")).when().get(REPORT + month)
                    .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("month"));
        }
    }

    @Test
    void onlySupervisorsManagersAndAdminsReadReports() {
        given().auth().oauth2(TOKENS.staff("ada")).when().get(REPORT + "2031-02").then().statusCode(200)
                .body("overall.received", equalTo(0));
        given().auth().oauth2(TOKENS.staff("agnes")).when().get(REPORT + "2031-02").then().statusCode(403).contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.customer("alice")).when().get(REPORT + "2031-02").then().statusCode(403).contentType(startsWith(PROBLEM));
        given().when().get(REPORT + "2031-02").then().statusCode(401).contentType(startsWith(PROBLEM));
    }
}
