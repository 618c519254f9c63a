package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.healthyAdult;
import static io.careline.claimcare.CareTestSupport.paidClaim;
import static io.careline.claimcare.CareTestSupport.partnerPost;
import static io.careline.claimcare.CareTestSupport.reported;
import static io.careline.claimcare.CareTestSupport.paid;
import static io.careline.claimcare.CareTestSupport.uniqueRef;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The visit-to-payment clock over a period only this test pays claims in (March 2019): five claims visited and
 * paid 10, 20, 25, 40 and 60 minutes apart, two of them green-channel, and one paid without a visit.
 */
@QuarkusTest
class VisitToPaymentReportTest {

    private static final String REPORT = "/api/v1/care/reports/visit-to-payment";
    private static final Instant MARCH = Instant.parse("2019-03-11T08:00:00Z");

    private static boolean paid;

    // in @BeforeEach rather than @BeforeAll: RestAssured knows the test port only once a test runs
    @BeforeEach
    void payClaimsInMarch2019Once() {
        if (paid) {
            return;
        }
        paid = true;
        List<Integer> minutes = List.of(10, 20, 25, 40, 60);
        for (int i = 0; i < minutes.size(); i++) {
            // the green-channel ones were reported an hour before the visit (see paidClaim): 70 and 85 minutes to pay
            paidClaim(uniqueRef("R2019"), "C-1001", MARCH.plus(Duration.ofDays(i)), Duration.ofMinutes(minutes.get(i)),
                    i == 0 || i == 2, healthyAdult());
        }
        // green channel, no visit: reported, assessed and paid 30 hours later (outside the same-day target)
        String ref = uniqueRef("R2019");
        Instant reported = MARCH.plus(Duration.ofDays(10));
        partnerPost(CareTestSupport.CLAIMS, reported(ref, "C-1002", reported, true)).statusCode(201);
        partnerPost(CareTestSupport.CLAIMS + "/" + ref + "/assessment",
                CareTestSupport.assessed("ass-" + ref, reported.plus(Duration.ofHours(29)), "99.00")).statusCode(200);
        partnerPost(CareTestSupport.CLAIMS + "/" + ref + "/payment",
                paid("pay-" + ref, reported.plus(Duration.ofHours(30)), healthyAdult())).statusCode(200);
        // and one paid in April, outside the period
        paidClaim(uniqueRef("R2019"), "C-1001", Instant.parse("2019-04-02T08:00:00Z"), Duration.ofMinutes(1), false,
                healthyAdult());
    }

    @Test
    void medianP90AndShareWithinThirtyMinutes() {
        given().auth().oauth2(TOKENS.staff("cora")).queryParam("from", "2019-03-01").queryParam("to", "2019-03-31")
                .when().get(REPORT)
                .then().statusCode(200)
                .body("claimsPaid", equalTo(6))
                .body("claimsMeasured", equalTo(5))
                .body("medianMinutes", equalTo(25.0f))
                // percentile_cont(0.9) of 10, 20, 25, 40, 60: 40 + 0.6 * (60 - 40)
                .body("p90Minutes", equalTo(52.0f))
                .body("targetMinutes", equalTo(30))
                .body("shareWithinTarget", equalTo(0.6f))
                .body("greenChannel.claimsPaid", equalTo(3))
                // report to payment: 70, 85 and 1800 minutes
                .body("greenChannel.medianMinutesReportToPayment", equalTo(85.0f))
                .body("greenChannel.shareWithinTarget", equalTo(2 / 3.0f))
                .body("greenChannel.medianMinutesVisitToPayment", equalTo(17.5f));
    }

    @Test
    void aPeriodWithoutPaymentsMeasuresNothing() {
        given().auth().oauth2(TOKENS.staff("sam")).queryParam("from", "2018-01-01").queryParam("to", "2018-01-31")
                .when().get(REPORT)
                .then().statusCode(200)
                .body("claimsPaid", equalTo(0))
                .body("medianMinutes", equalTo(null))
                .body("shareWithinTarget", equalTo(null));
    }

    @Test
    void thePeriodIsCheckedNamingTheParameter() {
        given().auth().oauth2(TOKENS.staff("ada")).queryParam("to", "2019-03-31").when().get(REPORT)
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(TOKENS.staff("ada")).queryParam("from", "2019-03-31").queryParam("to", "2019-03-01")
                .when().get(REPORT)
                .then().statusCode(422).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TOKENS.staff("ada")).queryParam("from", "2019-02-30").queryParam("to", "2019-03-01")
                .when().get(REPORT)
                .then().statusCode(422).body("errors[0].field", equalTo("from"));
    }

    @Test
    void coordinatorsSupervisorsAndAdminsReadTheReportOthersDoNot() {
        for (String staff : List.of("cora", "sam", "ada")) {
            given().auth().oauth2(TOKENS.staff(staff)).queryParam("from", "2019-03-01").queryParam("to", "2019-03-31")
                    .when().get(REPORT).then().statusCode(200);
        }
        for (String token : List.of(TOKENS.staff("victor"), TOKENS.staff("agnes"), TOKENS.customer("alice"), TOKENS.partner())) {
            given().auth().oauth2(token).queryParam("from", "2019-03-01").queryParam("to", "2019-03-31")
                    .when().get(REPORT).then().statusCode(403).contentType(startsWith(PROBLEM));
        }
        given().queryParam("from", "2019-03-01").queryParam("to", "2019-03-31").when().get(REPORT).then().statusCode(401);
    }
}
