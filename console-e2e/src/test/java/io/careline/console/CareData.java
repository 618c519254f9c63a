package io.careline.console;

import static io.restassured.RestAssured.given;

import io.careline.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The claim-care data a journey needs, made through the platform's API as a partner and a coordinator would (so
 * health data is sealed and events go through the outbox), and read back through the API to assert the effect.
 */
final class CareData {

    static final String CARE = BrowserTest.GATEWAY + "/api/v1/care";
    private static final String CLAIMS = BrowserTest.GATEWAY + "/api/partner/v1/claims";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    private CareData() {
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(TOKENS.staff(user)).contentType(ContentType.JSON);
    }

    /** A claim reported, visited and paid to a person with a chronic illness: they are proposed for care. Their id. */
    static UUID proposedBeneficiary(String fullName, LocalDate born, String region, String language) {
        String ref = unique("E2E");
        Instant visit = Instant.now().minus(Duration.ofHours(2));
        partner(CLAIMS, Map.of("eventId", "rep-" + ref, "claimRef", ref, "customerId", unique("cust"),
                "occurredAt", visit.minus(Duration.ofHours(1)).toString(), "greenChannel", false,
                "description", "console journey"), 201);
        partner(CLAIMS + "/" + ref + "/documents-collected", Map.of("eventId", "doc-" + ref,
                "occurredAt", visit.toString()), 200);
        Map<String, Object> person = Map.of("fullName", fullName, "dateOfBirth", born.toString(),
                "relationship", "SELF", "region", region, "language", language, "healthConditions", List.of("CHRONIC_ILLNESS"));
        partner(CLAIMS + "/" + ref + "/payment", Map.of("eventId", "pay-" + ref, "occurredAt",
                visit.plus(Duration.ofMinutes(20)).toString(), "amount", 1250.00, "currency", "EUR", "beneficiary", person), 200);
        // the newest proposals come first
        List<Map<String, Object>> proposed = as("cora").get(CARE + "/beneficiaries?status=PROPOSED&size=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return proposed.stream().filter(b -> fullName.equals(b.get("fullName")))
                .map(b -> UUID.fromString((String) b.get("id"))).findFirst().orElseThrow();
    }

    private static void partner(String url, Map<String, Object> body, int status) {
        given().auth().oauth2(TOKENS.partner()).contentType(ContentType.JSON).body(body)
                .when().post(url).then().statusCode(status);
    }

    static void consent(UUID beneficiary) {
        as("cora").body(Map.of("decision", "GIVEN", "givenBy", "BENEFICIARY"))
                .post(CARE + "/beneficiaries/" + beneficiary + "/consent").then().statusCode(200);
    }

    static void assign(UUID beneficiary, UUID volunteer) {
        as("cora").body(Map.of("volunteerId", volunteer.toString()))
                .post(CARE + "/beneficiaries/" + beneficiary + "/assignments").then().statusCode(201);
    }

    static void endCare(UUID beneficiary) {
        as("cora").body(Map.of("reason", "GOALS_MET")).post(CARE + "/beneficiaries/" + beneficiary + "/end")
                .then().statusCode(200);
    }

    /** A volunteer registered by a coordinator; training and background check valid until {@code checksExpire}. */
    static UUID volunteer(String fullName, String username, String region, List<String> languages, LocalDate checksExpire) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("fullName", fullName);
        body.put("kind", "PUBLIC");
        body.put("region", region);
        body.put("languages", languages);
        body.put("skills", List.of("visits"));
        body.put("capacity", 3);
        body.put("trainingExpiresOn", checksExpire.toString());
        body.put("backgroundCheckExpiresOn", checksExpire.toString());
        return UUID.fromString(as("cora").body(body).post(CARE + "/volunteers").then().statusCode(201).extract().path("id"));
    }

    /** The volunteer who signs in as {@code username}, registered if the registry lacks them; their id. */
    static UUID volunteerSigningInAs(String username) {
        for (int page = 0; ; page++) {
            JsonPath found = as("cora").get(CARE + "/volunteers?size=100&page=" + page).then().statusCode(200)
                    .extract().jsonPath();
            List<Map<String, Object>> items = found.getList("items");
            for (Map<String, Object> v : items) {
                if (username.equals(v.get("username"))) {
                    return UUID.fromString((String) v.get("id"));
                }
            }
            if ((page + 1) * 100 >= found.getLong("total")) {
                return volunteer("Volunteer " + username, username, "north", List.of("de", "en"), LocalDate.now().plusYears(1));
            }
        }
    }

    /**
     * Makes room for one more person in the volunteer's care, and renews their checks if they expired: the journey
     * must not depend on what the demo data left them with.
     */
    static void makeRoom(UUID volunteer, UUID beneficiary) {
        Map<String, Object> match = null;
        for (int page = 0; match == null; page++) {
            JsonPath found = as("cora").get(CARE + "/beneficiaries/" + beneficiary + "/matches?size=100&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = found.getList("items");
            match = items.stream().filter(m -> volunteer.toString().equals(m.get("volunteerId"))).findFirst().orElse(null);
            if (match == null && (page + 1) * 100 >= found.getLong("total")) {
                throw new IllegalStateException("volunteer " + volunteer + " is not ranked");
            }
        }
        if (match.get("blockedReason") == null) {
            return;
        }
        Map<String, Object> record = as("cora").get(CARE + "/volunteers/" + volunteer).then().statusCode(200)
                .extract().jsonPath().getMap("");
        boolean active = "ACTIVE".equals(record.remove("status"));
        record.remove("id");
        record.remove("enrolledAt");
        record.remove("leftAt");
        int load = ((Number) match.get("caresFor")).intValue();
        record.put("capacity", Math.max((Integer) record.get("capacity"), load + 1));
        record.put("trainingExpiresOn", LocalDate.now().plusYears(1).toString());
        record.put("backgroundCheckExpiresOn", LocalDate.now().plusYears(1).toString());
        as("cora").body(record).put(CARE + "/volunteers/" + volunteer).then().statusCode(200);
        if (!active) {
            as("cora").body(Map.of("status", "ACTIVE")).post(CARE + "/volunteers/" + volunteer + "/status")
                    .then().statusCode(200);
        }
    }

    static UUID groupActivity(String title, String region) {
        return UUID.fromString(as("cora").body(Map.of("title", title, "place", "Community hall", "region", region,
                "startsAt", Instant.now().plus(Duration.ofDays(7)).toString(), "capacity", 10))
                .post(CARE + "/group-activities").then().statusCode(201).extract().path("id"));
    }

    /** A coordinator signs a volunteer up; the sign-up's id. */
    static String signUp(UUID activity, UUID volunteer) {
        return as("cora").body(Map.of("volunteerId", volunteer.toString()))
                .post(CARE + "/group-activities/" + activity + "/sign-ups").then().statusCode(201).extract().path("id");
    }

    static JsonPath get(String user, String path) {
        return as(user).get(CARE + path).then().statusCode(200).extract().jsonPath();
    }
}
