package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.beneficiary;
import static io.careline.claimcare.CareTestSupport.beneficiaryOfClaim;
import static io.careline.claimcare.CareTestSupport.careEventsMentioning;
import static io.careline.claimcare.CareTestSupport.count;
import static io.careline.claimcare.CareTestSupport.header;
import static io.careline.claimcare.CareTestSupport.healthyAdult;
import static io.careline.claimcare.CareTestSupport.paidClaim;
import static io.careline.claimcare.CareTestSupport.rows;
import static io.careline.claimcare.CareTestSupport.uniqueRef;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** A paid claim's beneficiary checked against the criteria, proposed for care, and taken in only with consent. */
@QuarkusTest
class EligibilityAndConsentTest {

    private static final String BENEFICIARIES = "/api/v1/care/beneficiaries";

    @Inject
    Pool pool;

    private final Instant visit = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void aChronicallyIllAdultIsProposedWithTheirHealthDataSealed() {
        String claimId = paidClaim(uniqueRef("ACME"), "C-1001", visit, Duration.ofMinutes(25), false,
                beneficiary("Greta Ill", LocalDate.now().minusYears(67), "SELF", List.of("CHRONIC_ILLNESS"),
                        "COPD, oxygen at night", null));

        UUID id = beneficiaryOfClaim(pool, claimId);
        assertThat(id).isNotNull();
        Row row = rows(pool, "SELECT status, minor, health_key_id, health_cipher FROM beneficiary WHERE id = $1", id).get(0);
        assertThat(row.getString("status")).isEqualTo("PROPOSED");
        assertThat(row.getBoolean("minor")).isFalse();
        assertThat(row.getString("health_key_id")).isEqualTo("test-2");
        assertThat(row.getString("health_cipher")).doesNotContain("COPD").doesNotContain("CHRONIC");
        assertThat(count(pool, "SELECT count(*) FROM eligibility_fact WHERE criterion = 'CHRONIC_ILLNESS' AND proposed_at > now() - interval '1 minute'"))
                .isPositive();

        ConsumerRecord<String, String> proposed = careEventsMentioning(id.toString(), 1).get(0);
        assertThat(header(proposed, "ce_type")).isEqualTo("io.careline.CareProposed.v1");
        assertThat(proposed.key()).isEqualTo("C-1001");
        assertThat(proposed.value()).doesNotContain("COPD").doesNotContain("CHRONIC").doesNotContain("Greta");
    }

    @Test
    void aHealthyAdultIsNotProposedAndNothingIsKeptAboutThem() {
        String claimId = paidClaim(uniqueRef("ACME"), "C-1002", visit, Duration.ofMinutes(25), false, healthyAdult());

        assertThat(beneficiaryOfClaim(pool, claimId)).isNull();
    }

    @Test
    void aMinorIsProposedAndOnlyANamedGuardianConsents() {
        String claimId = paidClaim(uniqueRef("ACME"), "C-1001", visit, Duration.ofMinutes(25), false,
                beneficiary("Lena Young", LocalDate.now().minusYears(10), "CHILD", List.of(), null, null));
        UUID id = beneficiaryOfClaim(pool, claimId);
        assertThat(id).isNotNull();
        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + "/" + id)
                .then().statusCode(200).body("minor", equalTo(true)).body("status", equalTo("PROPOSED"));

        consent(id, Map.of("decision", "GIVEN", "givenBy", "BENEFICIARY"))
                .statusCode(422).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("givenBy"));
        consent(id, Map.of("decision", "GIVEN", "givenBy", "GUARDIAN"))
                .statusCode(422).body("errors[0].field", equalTo("guardianName"));
        assertThat(rows(pool, "SELECT status FROM beneficiary WHERE id = $1", id).get(0).getString("status")).isEqualTo("PROPOSED");

        consent(id, Map.of("decision", "GIVEN", "givenBy", "GUARDIAN", "guardianName", "Alice Young"))
                .statusCode(200)
                .body("status", equalTo("CONSENTED"))
                .body("consentGivenBy", equalTo("GUARDIAN"))
                .body("guardianName", equalTo("Alice Young"));
        assertThat(header(careEventsMentioning(id.toString(), 2).get(1), "ce_type")).isEqualTo("io.careline.CareConsentRecorded.v1");
        // consent is given once, before care
        consent(id, Map.of("decision", "REFUSED", "givenBy", "GUARDIAN", "guardianName", "Alice Young"))
                .statusCode(409).contentType(startsWith(PROBLEM));
    }

    @Test
    void anAdultMayRefuseAndLaterConsent() {
        String claimId = paidClaim(uniqueRef("ACME"), "C-1002", visit, Duration.ofMinutes(25), false,
                beneficiary("Paul Wheel", LocalDate.now().minusYears(45), "SELF", List.of("DISABILITY"), "wheelchair", null));
        UUID id = beneficiaryOfClaim(pool, claimId);

        consent(id, Map.of("decision", "REFUSED", "givenBy", "BENEFICIARY")).statusCode(200).body("status", equalTo("REFUSED"));
        consent(id, Map.of("decision", "GIVEN", "givenBy", "BENEFICIARY")).statusCode(200).body("status", equalTo("CONSENTED"));
        consent(id, Map.of("decision", "PERHAPS", "givenBy", "BENEFICIARY"))
                .statusCode(400).body("errors[0].field", equalTo("decision"));
    }

    @Test
    void onlyACoordinatorRecordsConsent() {
        String claimId = paidClaim(uniqueRef("ACME"), "C-1002", visit, Duration.ofMinutes(25), false,
                beneficiary("Rita Care", LocalDate.now().minusYears(50), "SELF", List.of("CRITICAL_ILLNESS"), null, null));
        UUID id = beneficiaryOfClaim(pool, claimId);
        Map<String, String> body = Map.of("decision", "GIVEN", "givenBy", "BENEFICIARY");

        given().contentType(ContentType.JSON).body(body).when().post(BENEFICIARIES + "/" + id + "/consent")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
        for (String token : List.of(TOKENS.staff("victor"), TOKENS.staff("ada"), TOKENS.customer("bob"), TOKENS.partner())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .when().post(BENEFICIARIES + "/" + id + "/consent").then().statusCode(403);
        }
        consent(UUID.randomUUID(), body).statusCode(404).contentType(startsWith(PROBLEM));
        assertThat(rows(pool, "SELECT status FROM beneficiary WHERE id = $1", id).get(0).getString("status")).isEqualTo("PROPOSED");
    }

    private static io.restassured.response.ValidatableResponse consent(UUID id, Map<String, String> body) {
        return given().auth().oauth2(TOKENS.staff("cora")).contentType(ContentType.JSON).body(body)
                .when().post(BENEFICIARIES + "/" + id + "/consent").then();
    }
}
