package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.assignVia;
import static io.careline.claimcare.CareTestSupport.consented;
import static io.careline.claimcare.CareTestSupport.proposed;
import static io.careline.claimcare.CareTestSupport.registered;
import static io.careline.claimcare.CareTestSupport.volunteer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** The programme's figures for a region only this test uses, built through the API as a coordinator would. */
@QuarkusTest
class ProgrammeReportTest {

    private static final String REPORT = "/api/v1/care/reports/programme";
    private static final LocalDate NEXT_YEAR = LocalDate.now().plusYears(1);
    private static final LocalDate ADULT = LocalDate.now().minusYears(50);

    @Inject
    Pool pool;

    @Test
    void theFiguresOfOneRegionAndPeriod() {
        String region = "stats-" + UUID.randomUUID().toString().substring(0, 8);
        String household = "C-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = registered("Vera One", region, List.of("de"), List.of(), 5, NEXT_YEAR, NEXT_YEAR);
        UUID second = registered("Vic Two", region, List.of("de"), List.of(), 5, NEXT_YEAR, NEXT_YEAR);
        UUID leaving = registered("Len Three", region, List.of("de"), List.of(), 5, NEXT_YEAR, NEXT_YEAR);
        UUID chronic = proposed(pool, household, region, "de", ADULT, List.of("CHRONIC_ILLNESS"));
        UUID child = proposed(pool, household, region, "de", LocalDate.now().minusYears(7), List.of());
        UUID twoCriteria = proposed(pool, household, region, "de", ADULT, List.of("DISABILITY", "CRITICAL_ILLNESS"));
        proposed(pool, household, region, "de", ADULT, List.of("CRITICAL_ILLNESS")); // never consents: not in care
        consented(chronic, false);
        consented(child, true);
        consented(twoCriteria, false);
        assignVia(chronic, volunteer(pool, "victor"), null).statusCode(201);
        assignVia(child, first, "GUARDIAN_PRESENT").statusCode(201);
        assignVia(twoCriteria, second, null).statusCode(201);
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("reason", "GOALS_MET"))
                .when().post("/api/v1/care/beneficiaries/" + twoCriteria + "/end").then().statusCode(200);
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("status", "LEFT"))
                .when().post("/api/v1/care/volunteers/" + leaving + "/status").then().statusCode(200);
        for (String kind : List.of("VISIT", "VISIT", "CALL")) {
            given().auth().oauth2(TOKENS.staff("victor")).contentType(ContentType.JSON)
                    .body(Map.of("kind", kind, "occurredAt", Instant.now().minus(Duration.ofMinutes(5)).toString(),
                            "durationMinutes", 30))
                    .when().post("/api/v1/care/beneficiaries/" + chronic + "/activities").then().statusCode(201);
        }
        String group = given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON)
                .body(Map.of("title", "Tea afternoon", "place", "Community hall", "region", region,
                        "startsAt", Instant.now().plus(Duration.ofHours(1)).toString(), "capacity", 10))
                .when().post("/api/v1/care/group-activities").then().statusCode(201).extract().path("id");
        String firstPlace = given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON)
                .body(Map.of("volunteerId", first.toString())).when().post("/api/v1/care/group-activities/" + group + "/sign-ups")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("beneficiaryId", chronic.toString()))
                .when().post("/api/v1/care/group-activities/" + group + "/sign-ups").then().statusCode(201);
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("attendedSignUpIds", List.of(firstPlace)))
                .when().post("/api/v1/care/group-activities/" + group + "/attendance").then().statusCode(200);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        JsonPath figures = given().auth().oauth2(TOKENS.staff("cora"))
                .queryParam("from", today.minusDays(1).toString()).queryParam("to", today.plusDays(1).toString())
                .queryParam("region", region)
                .when().get(REPORT).then().statusCode(200)
                .body("volunteers.enrolled", equalTo(3))
                .body("volunteers.newlyEnrolled", equalTo(3))
                // Vera attended the group activity; victor's visits count for his own region, not this one
                .body("volunteers.active", equalTo(1))
                .body("people.inCare", equalTo(3))
                .body("people.careStarted", equalTo(3))
                .body("oneToOne.activities", equalTo(3))
                .body("oneToOne.visits", equalTo(2))
                .body("oneToOne.peopleReached", equalTo(1))
                .body("groupActivities.held", equalTo(1))
                .body("groupActivities.signUps", equalTo(2))
                .body("groupActivities.attendances", equalTo(1))
                .body("beneficiariesByCriterion.CRITICAL_ILLNESS", equalTo(2))
                .body("beneficiariesByCriterion.CHRONIC_ILLNESS", equalTo(1))
                .body("beneficiariesByCriterion.DISABILITY", equalTo(1))
                .body("beneficiariesByCriterion.MINOR", equalTo(1))
                .body("careStartAfterPayment.measured", equalTo(3))
                .body("careStartAfterPayment.medianDays", lessThan(1.0f))
                .extract().jsonPath();
        assertThat(figures.getList("byRegion.region")).containsExactly(region);

        // a period before any of it: nothing
        given().auth().oauth2(TOKENS.staff("sam")).queryParam("from", "2020-01-01").queryParam("to", "2020-01-31")
                .queryParam("region", region).when().get(REPORT).then().statusCode(200)
                .body("volunteers.enrolled", equalTo(0)).body("people.inCare", equalTo(0))
                .body("careStartAfterPayment.medianDays", equalTo(null));
        // every region: this one is among them
        given().auth().oauth2(TOKENS.staff("ada")).queryParam("from", today.minusDays(1).toString())
                .queryParam("to", today.plusDays(1).toString()).when().get(REPORT).then().statusCode(200)
                .body("byRegion.region", hasItem(region));
    }

    @Test
    void theReportIsForCoordinatorsSupervisorsAndAdmins() {
        for (String token : List.of(TOKENS.staff("victor"), TOKENS.staff("agnes"), TOKENS.customer("alice"), TOKENS.partner())) {
            given().auth().oauth2(token).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                    .when().get(REPORT).then().statusCode(403).contentType(startsWith(PROBLEM));
        }
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-01-31").when().get(REPORT).then().statusCode(401);
        given().auth().oauth2(TOKENS.staff("cora")).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .queryParam("region", "North!").when().get(REPORT).then().statusCode(400).body("errors[0].field", equalTo("region"));
    }
}
