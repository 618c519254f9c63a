package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.assignVia;
import static io.careline.claimcare.CareTestSupport.careEventsMentioning;
import static io.careline.claimcare.CareTestSupport.consented;
import static io.careline.claimcare.CareTestSupport.count;
import static io.careline.claimcare.CareTestSupport.header;
import static io.careline.claimcare.CareTestSupport.proposed;
import static io.careline.claimcare.CareTestSupport.registered;
import static io.careline.claimcare.CareTestSupport.volunteer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

/** One-to-one care on a controllable clock, a minor's safeguarding at each visit, group activities, ending care. */
@QuarkusTest
class CareTest {

    private static final String BENEFICIARIES = "/api/v1/care/beneficiaries/";
    private static final LocalDate ADULT = LocalDate.now().minusYears(70);
    private static final LocalDate NEXT_YEAR = LocalDate.now().plusYears(1);

    @Inject
    Pool pool;

    @Inject
    TestClock clock;

    @AfterEach
    void backToRealTime() {
        clock.reset();
    }

    private UUID inVictorsCare(boolean minor, String safeguarding) {
        volunteer(pool, "victor");
        UUID person = proposed(pool, "C-" + UUID.randomUUID().toString().substring(0, 8), "north", "de",
                minor ? LocalDate.now().minusYears(8) : ADULT, minor ? List.of() : List.of("CHRONIC_ILLNESS"));
        consented(person, minor);
        assignVia(person, victorId(), safeguarding).statusCode(201);
        return person;
    }

    private UUID victorId() {
        return volunteer(pool, "victor");
    }

    private static ValidatableResponse record(String volunteer, UUID person, Map<String, Object> activity) {
        return given().auth().oauth2(TOKENS.staff(volunteer)).contentType(ContentType.JSON).body(activity)
                .when().post(BENEFICIARIES + person + "/activities").then();
    }

    private Map<String, Object> activity(String kind, Instant at) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("occurredAt", at.toString());
        body.put("durationMinutes", 45);
        body.put("notes", "tea and a walk");
        body.put("needsFound", "pharmacy forms");
        return body;
    }

    @Test
    void aMissedVisitIsRaisedOnceToTheVolunteerAndTheCoordinators() {
        UUID person = inVictorsCare(false, null);
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("cadenceDays", 7))
                .when().put(BENEFICIARIES + person + "/plan").then().statusCode(200).body("cadenceDays", equalTo(7));
        record("victor", person, activity("VISIT", clock.instant().minus(Duration.ofHours(1)))).statusCode(201);

        clock.advance(Duration.ofDays(8));
        ConsumerRecord<String, String> overdue = await().atMost(Duration.ofSeconds(30)).until(
                () -> careEventsMentioning(person.toString(), 1).stream()
                        .filter(r -> header(r, "ce_type").equals("io.careline.CareVisitOverdue.v1")).toList(),
                found -> !found.isEmpty()).get(0);
        assertThat(JsonPath.from(overdue.value()).getString("data.volunteerUsername")).isEqualTo("victor");
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + person + "/plan")
                .then().statusCode(200).body("overdueRaised", equalTo(true));
        assertThat(overdueEvents(person)).isEqualTo(1);

        // the visit is made: the plan moves on, and the next miss is raised again, once
        record("victor", person, activity("VISIT", clock.instant().minus(Duration.ofHours(1)))).statusCode(201);
        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + person + "/plan")
                .then().statusCode(200).body("overdueRaised", equalTo(false));
        clock.advance(Duration.ofDays(8));
        await().atMost(Duration.ofSeconds(30)).until(() -> overdueEvents(person) == 2);
    }

    private long overdueEvents(UUID person) {
        return count(pool, "SELECT count(*) FROM outbox_event WHERE event_type = 'io.careline.CareVisitOverdue.v1' "
                + "AND payload->'data'->>'beneficiaryId' = $1", person.toString());
    }

    @Test
    void aCallDoesNotCountAsAVisitAndAPlanWithoutVolunteerStillFallsDue() {
        UUID person = inVictorsCare(false, null);
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("cadenceDays", 3))
                .when().put(BENEFICIARIES + person + "/plan").then().statusCode(200);
        String due = given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + person + "/plan")
                .then().extract().path("nextDueAt");
        record("victor", person, activity("CALL", clock.instant())).statusCode(201);
        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + person + "/plan")
                .then().body("nextDueAt", equalTo(due));
    }

    @Test
    void aMinorIsNeverAloneWithOneVolunteer() {
        UUID withGuardian = inVictorsCare(true, "GUARDIAN_PRESENT");
        record("victor", withGuardian, activity("VISIT", clock.instant())).statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("guardianPresent"));
        Map<String, Object> present = activity("VISIT", clock.instant());
        present.put("guardianPresent", true);
        record("victor", withGuardian, present).statusCode(201).body("guardianPresent", equalTo(true));
        record("victor", withGuardian, activity("CALL", clock.instant())).statusCode(201);

        UUID withTwo = inVictorsCare(true, "TWO_VOLUNTEERS");
        UUID second = registered("Zoe Second", "north", List.of("de"), List.of(), 3, NEXT_YEAR, NEXT_YEAR);
        UUID stranger = registered("Sam Stranger", "north", List.of("de"), List.of(), 3, NEXT_YEAR, NEXT_YEAR);
        assignVia(withTwo, second, null).statusCode(201);
        record("victor", withTwo, activity("ERRAND", clock.instant())).statusCode(422)
                .body("errors[0].field", equalTo("secondVolunteerId"));
        Map<String, Object> withStranger = activity("ERRAND", clock.instant());
        withStranger.put("secondVolunteerId", stranger.toString());
        record("victor", withTwo, withStranger).statusCode(422).body("errors[0].field", equalTo("secondVolunteerId"));
        Map<String, Object> together = activity("ERRAND", clock.instant());
        together.put("secondVolunteerId", second.toString());
        record("victor", withTwo, together).statusCode(201);
        assertThat(count(pool, "SELECT count(*) FROM activity WHERE beneficiary_id IN ($1, $2)", withGuardian, withTwo)).isEqualTo(3);
    }

    @Test
    void onlyTheAssignedVolunteerRecordsAndOnlyCareStaffRead() {
        UUID person = inVictorsCare(false, null);
        UUID notVictors = proposed(pool, "C-" + UUID.randomUUID().toString().substring(0, 8), "north", "de", ADULT,
                List.of("DISABILITY"));
        record("victor", notVictors, activity("VISIT", clock.instant())).statusCode(404).contentType(startsWith(PROBLEM));
        record("victor", person, activity("VISIT", clock.instant().plus(Duration.ofHours(2)))).statusCode(422)
                .body("errors[0].field", equalTo("occurredAt"));
        record("victor", person, Map.of("kind", "DANCE", "occurredAt", clock.instant().toString(), "durationMinutes", 5))
                .statusCode(400).body("errors[0].field", equalTo("kind"));
        record("victor", person, activity("VISIT", clock.instant())).statusCode(201);

        for (String staff : List.of("cora", "ada", "sam")) {
            record(staff, person, activity("VISIT", clock.instant())).statusCode(403);
        }
        given().auth().oauth2(TOKENS.customer("alice")).contentType(ContentType.JSON).body(activity("VISIT", clock.instant()))
                .when().post(BENEFICIARIES + person + "/activities").then().statusCode(403);
        given().contentType(ContentType.JSON).body(activity("VISIT", clock.instant()))
                .when().post(BENEFICIARIES + person + "/activities").then().statusCode(401);

        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + person + "/activities")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].needsFound", equalTo("pharmacy forms"));
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + person + "/activities").then().statusCode(200);
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + notVictors + "/activities").then().statusCode(404);
        given().auth().oauth2(TOKENS.staff("ada")).when().get(BENEFICIARIES + person + "/activities").then().statusCode(403);
        given().auth().oauth2(TOKENS.staff("victor")).contentType(ContentType.JSON).body(Map.of("cadenceDays", 7))
                .when().put(BENEFICIARIES + person + "/plan").then().statusCode(403);
    }

    @Test
    void careEndsOnlyWhenACoordinatorEndsItWithAReason() {
        UUID person = inVictorsCare(false, null);
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("cadenceDays", 7))
                .when().put(BENEFICIARIES + person + "/plan").then().statusCode(200);
        given().auth().oauth2(TOKENS.staff("victor")).contentType(ContentType.JSON).body(Map.of("reason", "GOALS_MET"))
                .when().post(BENEFICIARIES + person + "/end").then().statusCode(403);
        end(person, "BORED").statusCode(400).body("errors[0].field", equalTo("reason"));

        end(person, "GOALS_MET").statusCode(200).body("status", equalTo("ENDED")).body("endReason", equalTo("GOALS_MET"));
        assertThat(careEventsMentioning(person.toString(), 1).stream().map(r -> header(r, "ce_type")))
                .contains("io.careline.CareEnded.v1");
        end(person, "GOALS_MET").statusCode(409).contentType(startsWith(PROBLEM));
        record("victor", person, activity("VISIT", clock.instant())).statusCode(404);
        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + person + "/plan").then().statusCode(404);
        assertThat(count(pool, "SELECT count(*) FROM assignment WHERE beneficiary_id = $1 AND ended_at IS NULL", person)).isZero();
    }

    private static ValidatableResponse end(UUID person, String reason) {
        return given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("reason", reason))
                .when().post(BENEFICIARIES + person + "/end").then();
    }

    @Test
    void groupActivitiesFillUpAndRecordWhoCame() {
        UUID person = inVictorsCare(false, null);
        UUID other = registered("Olga Other", "north", List.of("de"), List.of(), 3, NEXT_YEAR, NEXT_YEAR);
        UUID unassigned = proposed(pool, "C-" + UUID.randomUUID().toString().substring(0, 8), "north", "de", ADULT,
                List.of("DISABILITY"));
        consented(unassigned, false);
        String group = given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON)
                .body(Map.of("title", "Autumn walk", "place", "Stadtpark", "region", "north",
                        "startsAt", clock.instant().plus(Duration.ofDays(3)).toString(), "capacity", 2))
                .when().post("/api/v1/care/group-activities").then().statusCode(201).extract().path("id");
        String path = "/api/v1/care/group-activities/" + group;

        signUp("victor", path, Map.of("beneficiaryId", unassigned.toString())).statusCode(422)
                .body("errors[0].field", equalTo("beneficiaryId"));
        String victorsPlace = signUp("victor", path, Map.of()).statusCode(201).extract().path("id");
        signUp("victor", path, Map.of("beneficiaryId", person.toString())).statusCode(201);
        signUp("cora", path, Map.of("volunteerId", other.toString())).statusCode(409).contentType(startsWith(PROBLEM));

        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON)
                .body(Map.of("attendedSignUpIds", List.of(victorsPlace)))
                .when().post(path + "/attendance").then().statusCode(200)
                .body("signUps.find { it.id == '" + victorsPlace + "' }.attended", equalTo(true))
                .body("signUps.find { it.beneficiaryId == '" + person + "' }.attended", equalTo(false));
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON)
                .body(Map.of("attendedSignUpIds", List.of(UUID.randomUUID().toString())))
                .when().post(path + "/attendance").then().statusCode(422).body("errors[0].field", equalTo("attendedSignUpIds"));

        given().auth().oauth2(TOKENS.staff("victor")).when().get("/api/v1/care/group-activities?size=100")
                .then().statusCode(200).body("items.id", hasItem(group));
        given().auth().oauth2(TOKENS.staff("victor")).contentType(ContentType.JSON)
                .body(Map.of("title", "x", "place", "y", "region", "north", "startsAt", clock.instant().toString(), "capacity", 2))
                .when().post("/api/v1/care/group-activities").then().statusCode(403);
        given().auth().oauth2(TOKENS.customer("alice")).when().get(path).then().statusCode(403);
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(TOKENS.staff("cora")).when().get("/api/v1/care/group-activities/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    private static ValidatableResponse signUp(String staff, String path, Map<String, String> body) {
        return given().auth().oauth2(TOKENS.staff(staff)).contentType(ContentType.JSON).body(body)
                .when().post(path + "/sign-ups").then();
    }
}
