package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.TOKENS;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.events;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.VisitService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Follow-up visits on a clock the test moves: officers assigned by a supervisor, visits with their questionnaire,
 * confirmation and needs (each a follow-up tracked to completion), compliance per officer and month, and VisitOverdue
 * raised once per customer and period even when two instances check at the same moment.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class VisitsTest {

    private static final Map<String, Object> CONFIRMED = Map.of("method", "signature", "reference", "scan-1");

    @Inject
    VisitService visits;

    @Inject
    CustomerRepository repository;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aVisitByTheOfficerRecordsAnswersAndConfirmationAndEachNeedOpensAFollowUpTrackedToCompletion() {
        String id = customerWith(freshPhone(), freshEmail());
        assign(id, "agnes");

        // another agent is not this customer's officer
        given().auth().oauth2(TOKENS.staff("ted")).contentType(ContentType.JSON).body(visit(null))
                .when().post("/api/v1/customers/" + id + "/visits").then().statusCode(403).contentType(PROBLEM);

        JsonPath recorded = given().auth().oauth2(agnes()).contentType(ContentType.JSON).body(visit(null))
                .when().post("/api/v1/customers/" + id + "/visits").then().statusCode(201)
                .body("officer", equalTo("agnes")).body("confirmation", equalTo("signature"))
                .body("answers[0].answer", equalTo("Slow since the market moved"))
                .body("followUps", hasSize(2)).body("followUps.status", equalTo(List.of("open", "open")))
                .extract().jsonPath();
        String visitId = recorded.getString("id");
        String followUp = recorded.getString("followUps.find { it.need == 'legal' }.id");

        List<JsonNode> announced = events(repository, id, "VisitRecorded");
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).path("data").path("visitId").asText()).isEqualTo(visitId);
        assertThat(announced.get(0).path("data").path("needs")).extracting(JsonNode::asText)
                .containsExactly("financial", "legal");
        assertThat(announced.get(0).path("data").has("answers")).isFalse();

        given().auth().oauth2(agnes()).contentType(ContentType.JSON).body(Map.of("status", "completed", "note", "lawyer met"))
                .when().put("/api/v1/customers/" + id + "/follow-ups/" + followUp).then().statusCode(200)
                .body("status", equalTo("completed")).body("updatedBy", equalTo("agnes"));
        given().auth().oauth2(agnes()).contentType(ContentType.JSON).body(Map.of("status", "open"))
                .when().put("/api/v1/customers/" + id + "/follow-ups/" + followUp).then().statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + id + "/follow-ups").then().statusCode(200)
                .body("items.status", equalTo(List.of("open", "completed")));
    }

    @Test
    void aVisitWithoutConfirmationOrInTheFutureIsRefusedNamingTheField() {
        String id = customerWith(freshPhone(), freshEmail());
        assign(id, "agnes");
        Map<String, Object> unconfirmed = Map.of("answers", List.of(Map.of("question", "How are you?", "answer", "Fine")));
        given().auth().oauth2(agnes()).contentType(ContentType.JSON).body(unconfirmed)
                .when().post("/api/v1/customers/" + id + "/visits").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("confirmation"));
        given().auth().oauth2(agnes()).contentType(ContentType.JSON).body(visit(Instant.now().plus(Duration.ofDays(1))))
                .when().post("/api/v1/customers/" + id + "/visits").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("visitedAt"));
        given().auth().oauth2(agnes()).contentType(ContentType.JSON).body(Map.of("answers", List.of(), "confirmation", CONFIRMED))
                .when().post("/api/v1/customers/" + id + "/visits").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("answers"));
    }

    @Test
    void complianceListsWhoWasNotVisitedInTimeAndAnOverdueVisitIsRaisedOncePerPeriodEvenByTwoInstances() {
        String visited = customerWith(freshPhone(), freshEmail());
        String forgotten = customerWith(freshPhone(), freshEmail());
        assign(visited, "agnes");
        assign(forgotten, "agnes");
        // assigned this month: due from next month's period on
        YearMonth next = YearMonth.now(ZoneOffset.UTC).plusMonths(1);
        assertThat(standing(next.minusMonths(1), visited)).isEqualTo("not-due");

        moveTo(next.atDay(15).atTime(12, 0).toInstant(ZoneOffset.UTC));
        given().auth().oauth2(agnes()).contentType(ContentType.JSON).body(visit(null))
                .when().post("/api/v1/customers/" + visited + "/visits").then().statusCode(201);
        assertThat(standing(next, visited)).isEqualTo("visited");
        assertThat(standing(next, forgotten)).isEqualTo("due");
        assertThat(visits.raiseOverdue().await().indefinitely()).as("no period has ended since they were assigned").isZero();

        moveTo(next.plusMonths(1).atDay(2).atTime(8, 0).toInstant(ZoneOffset.UTC));
        assertThat(standing(next, visited)).isEqualTo("visited");
        assertThat(standing(next, forgotten)).isEqualTo("missed");

        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> visits.raiseOverdue().await().indefinitely());
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> visits.raiseOverdue().await().indefinitely());
        first.join();
        second.join();
        visits.raiseOverdue().await().indefinitely(); // and again, as after a restart

        List<JsonNode> overdue = events(repository, forgotten, "VisitOverdue");
        assertThat(overdue).hasSize(1);
        JsonNode data = overdue.get(0).path("data");
        assertThat(data.path("officer").asText()).isEqualTo("agnes");
        assertThat(data.path("supervisor").asText()).isEqualTo("sam");
        assertThat(data.path("period").asText()).isEqualTo(next.toString());
        assertThat(Instant.parse(data.path("dueBy").asText())).isEqualTo(next.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        assertThat(events(repository, visited, "VisitOverdue")).isEmpty();
    }

    @Test
    void anAgentSeesOnlyTheirOwnComplianceAndAMonthMustBeOne() {
        given().auth().oauth2(agnes()).queryParam("month", "2026-10").queryParam("officer", "ted")
                .when().get("/api/v1/customers/visit-compliance").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(agnes()).queryParam("month", "2026-13")
                .when().get("/api/v1/customers/visit-compliance").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("month"));
        given().auth().oauth2(TOKENS.staff("sam")).queryParam("month", "2026-10")
                .when().get("/api/v1/customers/visit-compliance").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("officer"));
        given().auth().oauth2(agnes()).queryParam("month", "2026-10")
                .when().get("/api/v1/customers/visit-compliance").then().statusCode(200).body("officer", equalTo("agnes"))
                .body("period", equalTo("2026-10"));
    }

    private static void assign(String customerId, String officer) {
        given().auth().oauth2(TOKENS.staff("sam")).contentType(ContentType.JSON).body(Map.of("officer", officer))
                .when().put("/api/v1/customers/" + customerId + "/officer").then().statusCode(200)
                .body("officer", equalTo(officer)).body("supervisor", equalTo("sam"));
    }

    private static Map<String, Object> visit(Instant visitedAt) {
        Map<String, Object> visit = new java.util.HashMap<>(Map.of(
                "answers", List.of(Map.of("question", "How is the business going?", "answer", "Slow since the market moved")),
                "needs", List.of(Map.of("category", "financial", "note", "restructure the loan"),
                        Map.of("category", "legal")),
                "confirmation", CONFIRMED));
        if (visitedAt != null) {
            visit.put("visitedAt", visitedAt.toString());
        }
        return visit;
    }

    /** The customer's standing in agnes's compliance for the month, asked by her supervisor. */
    private static String standing(YearMonth month, String customerId) {
        return given().auth().oauth2(TOKENS.staff("sam")).queryParam("month", month.toString()).queryParam("officer", "agnes")
                .queryParam("size", 100)
                .when().get("/api/v1/customers/visit-compliance").then().statusCode(200)
                .extract().jsonPath().getString("customers.items.find { it.customerId == '" + customerId + "' }.status");
    }

    private void moveTo(Instant at) {
        clock.reset();
        clock.advance(Duration.between(Instant.now(), at));
    }
}
