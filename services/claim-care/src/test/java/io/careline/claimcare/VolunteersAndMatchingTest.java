package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.assignVia;
import static io.careline.claimcare.CareTestSupport.careEventsMentioning;
import static io.careline.claimcare.CareTestSupport.consented;
import static io.careline.claimcare.CareTestSupport.header;
import static io.careline.claimcare.CareTestSupport.proposed;
import static io.careline.claimcare.CareTestSupport.registered;
import static io.careline.claimcare.CareTestSupport.rows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

/** The registry, expiry blocking assignment, matching with its reasons, safeguarding of minors, hand-over. */
@QuarkusTest
class VolunteersAndMatchingTest {

    private static final LocalDate NEXT_YEAR = LocalDate.now().plusYears(1);
    private static final LocalDate ADULT = LocalDate.now().minusYears(60);

    @Inject
    Pool pool;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anExpiredTrainingOrBackgroundCheckBlocksAssignmentAndSaysWhy() {
        String region = unique("r");
        UUID person = proposed(pool, unique("C"), region, "de", ADULT, List.of("DISABILITY"));
        consented(person, false);
        LocalDate yesterday = LocalDate.now().minusDays(1);
        UUID untrained = registered("Una Trained", region, List.of("de"), List.of(), 3, yesterday, NEXT_YEAR);
        UUID unchecked = registered("Uli Checked", region, List.of("de"), List.of(), 3, NEXT_YEAR, yesterday);

        assignVia(person, untrained, null).statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("volunteerId"))
                .body("errors[0].message", containsString("training on the programme's guidelines expired on " + yesterday));
        assignVia(person, unchecked, null).statusCode(422)
                .body("errors[0].message", containsString("background check expired on " + yesterday));
        assertThat(rows(pool, "SELECT status FROM beneficiary WHERE id = $1", person).get(0).getString("status")).isEqualTo("CONSENTED");

        // renewed, the same volunteer may be assigned
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("fullName", "Una Trained",
                "kind", "PUBLIC", "region", region, "languages", List.of("de"), "skills", List.of(), "capacity", 3,
                "trainingExpiresOn", NEXT_YEAR.toString(), "backgroundCheckExpiresOn", NEXT_YEAR.toString()))
                .when().put("/api/v1/care/volunteers/" + untrained).then().statusCode(200);
        assignVia(person, untrained, null).statusCode(201).body("volunteerId", equalTo(untrained.toString()));
        given().auth().oauth2(TOKENS.staff("cora")).when().get("/api/v1/care/beneficiaries/" + person)
                .then().statusCode(200).body("status", equalTo("IN_CARE"));
        assertThat(header(careEventsMentioning(untrained.toString(), 1).get(0), "ce_type"))
                .isEqualTo("io.careline.VolunteerAssigned.v1");
    }

    @Test
    void careBeginsOnlyWithConsentAndAFullVolunteerIsRefused() {
        String region = unique("r");
        UUID person = proposed(pool, unique("C"), region, "de", ADULT, List.of("DISABILITY"));
        UUID full = registered("Fritz Full", region, List.of("de"), List.of(), 1, NEXT_YEAR, NEXT_YEAR);

        assignVia(person, full, null).statusCode(409).contentType(startsWith(PROBLEM));
        consented(person, false);
        assignVia(person, full, null).statusCode(201);
        assignVia(person, full, null).statusCode(409);

        UUID second = proposed(pool, unique("C"), region, "de", ADULT, List.of("DISABILITY"));
        consented(second, false);
        assignVia(second, full, null).statusCode(422).body("errors[0].message", containsString("cares for 1 of 1 already"));
        assignVia(second, UUID.randomUUID(), null).statusCode(422).body("errors[0].field", equalTo("volunteerId"));
        assignVia(UUID.randomUUID(), full, null).statusCode(404);
    }

    @Test
    void volunteersAreRankedByContinuityRegionLanguageSkillsAndLoadWithTheReasons() {
        String region = unique("r");
        String household = unique("C");
        UUID person = proposed(pool, household, region, "fi", ADULT, List.of("CHRONIC_ILLNESS"));
        UUID sibling = proposed(pool, household, unique("elsewhere"), "fi", ADULT, List.of("CHRONIC_ILLNESS"));
        UUID local = registered("Aino Local", region, List.of("fi", "sv"), List.of("dementia-care"), 4, NEXT_YEAR, NEXT_YEAR);
        UUID localNoFinnish = registered("Bert Local", region, List.of("de"), List.of(), 4, NEXT_YEAR, NEXT_YEAR);
        UUID familyFriend = registered("Carla Family", unique("far"), List.of("fi"), List.of(), 4, NEXT_YEAR, NEXT_YEAR);
        UUID expired = registered("Dora Expired", region, List.of("fi"), List.of("dementia-care"), 4,
                LocalDate.now().minusDays(3), NEXT_YEAR);
        consented(sibling, false);
        assignVia(sibling, familyFriend, null).statusCode(201);

        JsonPath ranked = given().auth().oauth2(TOKENS.staff("cora")).queryParam("skills", "dementia-care").queryParam("size", 100)
                .when().get("/api/v1/care/beneficiaries/" + person + "/matches")
                .then().statusCode(200).extract().jsonPath();

        List<String> order = ranked.getList("items.volunteerId");
        assertThat(order.subList(0, 3)).containsExactly(local.toString(), familyFriend.toString(), localNoFinnish.toString());
        assertThat(ranked.getList("items[0].reasons", String.class)).containsExactly("same region (" + region + ")",
                "speaks fi", "has skill dementia-care", "cares for 0 of 4");
        assertThat(ranked.getInt("items[0].score")).isEqualTo(40 + 25 + 10 + 15);
        assertThat(ranked.getList("items[1].reasons", String.class)).contains("cared for this household before", "speaks fi",
                "cares for 1 of 4");
        int expiredAt = order.indexOf(expired.toString());
        assertThat(expiredAt).isGreaterThan(order.indexOf(localNoFinnish.toString()));
        assertThat(ranked.getString("items[" + expiredAt + "].blockedReason")).startsWith("training on the programme's guidelines expired");
        assertThat(ranked.getList("items.blockedReason").subList(expiredAt, order.size())).doesNotContainNull();
    }

    @Test
    void aMinorsCareNamesItsSafeguarding() {
        String region = unique("r");
        UUID child = proposed(pool, unique("C"), region, "de", LocalDate.now().minusYears(9), List.of());
        UUID adult = proposed(pool, unique("C"), region, "de", ADULT, List.of("DISABILITY"));
        consented(child, true);
        consented(adult, false);
        UUID volunteer = registered("Sara Safe", region, List.of("de"), List.of(), 4, NEXT_YEAR, NEXT_YEAR);

        assignVia(child, volunteer, null).statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("safeguarding"));
        assignVia(child, volunteer, "GUARDIAN_PRESENT").statusCode(201);
        given().auth().oauth2(TOKENS.staff("cora")).when().get("/api/v1/care/beneficiaries/" + child)
                .then().body("safeguarding", equalTo("GUARDIAN_PRESENT"));
        assignVia(adult, volunteer, "TWO_VOLUNTEERS").statusCode(422).body("errors[0].field", equalTo("safeguarding"));
    }

    @Test
    void aVolunteerWhoPausesOrLeavesHandsTheirPeopleOver() {
        String region = unique("r");
        UUID first = proposed(pool, unique("C"), region, "de", ADULT, List.of("DISABILITY"));
        UUID second = proposed(pool, unique("C"), region, "de", ADULT, List.of("DISABILITY"));
        consented(first, false);
        consented(second, false);
        UUID pausing = registered("Paul Pausing", region, List.of("de"), List.of(), 4, NEXT_YEAR, NEXT_YEAR);
        UUID leaving = registered("Lea Leaving", region, List.of("de"), List.of(), 4, NEXT_YEAR, NEXT_YEAR);
        UUID next = registered("Nina Next", region, List.of("de"), List.of(), 4, NEXT_YEAR, NEXT_YEAR);
        assignVia(first, pausing, null).statusCode(201);
        assignVia(second, leaving, null).statusCode(201);

        status(pausing, "PAUSED").statusCode(200).body("status", equalTo("PAUSED"));
        status(leaving, "LEFT").statusCode(200).body("leftAt", not(equalTo(null)));

        given().auth().oauth2(TOKENS.staff("cora")).queryParam("size", 100).when().get("/api/v1/care/hand-overs")
                .then().statusCode(200).body("items.id", hasItem(first.toString())).body("items.id", hasItem(second.toString()));
        assertThat(careEventsMentioning(first.toString(), 1).stream().map(r -> header(r, "ce_type")))
                .contains("io.careline.HandOverProposed.v1");
        // a paused volunteer cannot take anyone on; the one who left keeps the continuity record
        assignVia(second, pausing, null).statusCode(422).body("errors[0].message", containsString("volunteer is paused"));
        given().auth().oauth2(TOKENS.staff("cora")).queryParam("size", 100).when().get("/api/v1/care/beneficiaries/" + second + "/matches")
                .then().statusCode(200).body("items.volunteerId", not(hasItem(leaving.toString())));

        assignVia(first, next, null).statusCode(201);
        given().auth().oauth2(TOKENS.staff("cora")).queryParam("size", 100).when().get("/api/v1/care/hand-overs")
                .then().statusCode(200).body("items.id", not(hasItem(first.toString()))).body("items.id", hasItem(second.toString()));
        assertThat(rows(pool, "SELECT end_reason FROM assignment WHERE beneficiary_id = $1 AND volunteer_id = $2", first, pausing)
                .get(0).getString("end_reason")).isEqualTo("HANDED_OVER");
        // the first person's earlier volunteer is remembered when ranking for them
        status(pausing, "ACTIVE").statusCode(200);
        given().auth().oauth2(TOKENS.staff("cora")).queryParam("size", 100).when().get("/api/v1/care/beneficiaries/" + first + "/matches")
                .then().statusCode(200).body("items.find { it.volunteerId == '" + pausing + "' }.reasons", hasItem("cared for this person before"));
        status(leaving, "ACTIVE").statusCode(422).body("errors[0].field", equalTo("status"));
    }

    @Test
    void onlyCoordinatorsManageVolunteersAndAssignments() {
        UUID person = UUID.randomUUID();
        Map<String, Object> volunteer = Map.of("fullName", "X", "kind", "PUBLIC", "region", "north", "languages", List.of("de"),
                "skills", List.of(), "capacity", 1);
        given().contentType(ContentType.JSON).body(volunteer).when().post("/api/v1/care/volunteers").then().statusCode(401)
                .contentType(startsWith(PROBLEM));
        for (String token : List.of(TOKENS.staff("victor"), TOKENS.staff("ada"), TOKENS.staff("sam"), TOKENS.customer("alice"),
                TOKENS.partner())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(volunteer).when().post("/api/v1/care/volunteers")
                    .then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/v1/care/volunteers").then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/v1/care/beneficiaries/" + person + "/matches").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("volunteerId", UUID.randomUUID().toString()))
                    .when().post("/api/v1/care/beneficiaries/" + person + "/assignments").then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/v1/care/hand-overs").then().statusCode(403);
        }
        given().auth().oauth2(TOKENS.staff("cora")).when().get("/api/v1/care/volunteers/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(TOKENS.staff("cora")).when().get("/api/v1/care/beneficiaries/" + person + "/matches").then().statusCode(404);
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON)
                .body(Map.of("fullName", "X", "kind", "ROBOT", "region", "north", "languages", List.of("de"), "skills", List.of(),
                        "capacity", 1))
                .when().post("/api/v1/care/volunteers").then().statusCode(400).body("errors[0].field", equalTo("kind"));
        given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON)
                .body(Map.of("fullName", "X", "kind", "PUBLIC", "region", "north", "languages", List.of("deu"), "skills", List.of(),
                        "capacity", 51))
                .when().post("/api/v1/care/volunteers").then().statusCode(400)
                .body("errors.field", hasItem("capacity"));
    }

    private static io.restassured.response.ValidatableResponse status(UUID volunteer, String status) {
        return given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(Map.of("status", status))
                .when().post("/api/v1/care/volunteers/" + volunteer + "/status").then();
    }
}
