package io.careline.claimcare;

import static io.careline.claimcare.CareTestSupport.PROBLEM;
import static io.careline.claimcare.CareTestSupport.TOKENS;
import static io.careline.claimcare.CareTestSupport.assign;
import static io.careline.claimcare.CareTestSupport.beneficiary;
import static io.careline.claimcare.CareTestSupport.beneficiaryOfClaim;
import static io.careline.claimcare.CareTestSupport.count;
import static io.careline.claimcare.CareTestSupport.execute;
import static io.careline.claimcare.CareTestSupport.paidClaim;
import static io.careline.claimcare.CareTestSupport.rows;
import static io.careline.claimcare.CareTestSupport.uniqueRef;
import static io.careline.claimcare.CareTestSupport.volunteer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.careline.claimcare.config.CareConfig;
import io.careline.claimcare.service.Criterion;
import io.careline.claimcare.service.HealthCipher;
import io.careline.claimcare.service.StubCareConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

/** Health data: decrypted only for coordinators and assigned volunteers, every read audited, keys rotated. */
@QuarkusTest
class HealthDataTest {

    private static final String BENEFICIARIES = "/api/v1/care/beneficiaries";

    @Inject
    Pool pool;

    @Inject
    CareConfig config;

    private final Instant visit = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

    private UUID proposed(String notes) {
        String claimId = paidClaim(uniqueRef("ACME"), "C-1001", visit, Duration.ofMinutes(25), false,
                beneficiary("Hanna Health", LocalDate.now().minusYears(70), "PARENT", List.of("CRITICAL_ILLNESS"), notes, null));
        return beneficiaryOfClaim(pool, claimId);
    }

    @Test
    void aCoordinatorReadsHealthDataAndTheReadIsAudited() {
        UUID id = proposed("stroke in October, speech therapy");

        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + "/" + id + "/health")
                .then().statusCode(200)
                .body("conditions", contains("CRITICAL_ILLNESS"))
                .body("notes", equalTo("stroke in October, speech therapy"));

        assertThat(count(pool, "SELECT count(*) FROM health_read_audit WHERE beneficiary_id = $1 AND reader = 'cora' "
                + "AND reader_role = 'coordinator' AND purpose = 'CARE'", id)).isEqualTo(1);
        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + "/" + id + "/health-reads")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].reader", equalTo("cora"));
        // the beneficiary's record itself never carries health data
        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + "/" + id)
                .then().statusCode(200).body(not(org.hamcrest.Matchers.containsString("stroke")));
    }

    @Test
    void aVolunteerSeesOnlyThePeopleAssignedToThem() {
        UUID id = proposed("dialysis three times a week");
        UUID victor = volunteer(pool, "victor");

        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + "/" + id)
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + "/" + id + "/health")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + "?size=100")
                .then().statusCode(200).body("items.id", not(hasItem(id.toString())));
        assertThat(count(pool, "SELECT count(*) FROM health_read_audit WHERE beneficiary_id = $1", id)).isZero();

        assign(pool, id, victor);

        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + "/" + id)
                .then().statusCode(200).body("fullName", equalTo("Hanna Health"));
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + "/" + id + "/health")
                .then().statusCode(200).body("notes", equalTo("dialysis three times a week"));
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + "?size=100")
                .then().statusCode(200).body("items.id", hasItem(id.toString()));
        assertThat(count(pool, "SELECT count(*) FROM health_read_audit WHERE beneficiary_id = $1 AND reader = 'victor' "
                + "AND reader_role = 'volunteer'", id)).isEqualTo(1);

        // once the assignment ends, the person is out of sight again
        execute(pool, "UPDATE assignment SET ended_at = now(), end_reason = 'UNASSIGNED' WHERE beneficiary_id = $1", id);
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + "/" + id + "/health").then().statusCode(404);
    }

    @Test
    void nobodyElseReadsHealthData() {
        UUID id = proposed("leukaemia");
        given().when().get(BENEFICIARIES + "/" + id + "/health").then().statusCode(401).contentType(startsWith(PROBLEM));
        for (String token : List.of(TOKENS.staff("ada"), TOKENS.staff("sam"), TOKENS.staff("agnes"), TOKENS.customer("alice"),
                TOKENS.partner())) {
            given().auth().oauth2(token).when().get(BENEFICIARIES + "/" + id + "/health")
                    .then().statusCode(403).contentType(startsWith(PROBLEM));
            given().auth().oauth2(token).when().get(BENEFICIARIES + "/" + id).then().statusCode(403);
        }
        given().auth().oauth2(TOKENS.staff("victor")).when().get(BENEFICIARIES + "/" + id + "/health-reads").then().statusCode(403);
        assertThat(count(pool, "SELECT count(*) FROM health_read_audit WHERE beneficiary_id = $1", id)).isZero();
    }

    @Test
    void valuesUnderAnOlderKeyStillReadAndAreReEncryptedWithTheCurrentOne() {
        UUID id = proposed("multiple sclerosis");
        // seal it again as it would have been before the rotation, under the older test key
        String plaintext = "{\"conditions\":[\"CRITICAL_ILLNESS\"],\"notes\":\"multiple sclerosis\"}";
        HealthCipher before = new HealthCipher(new StubCareConfig(EnumSet.allOf(Criterion.class), 18, "test-1",
                config.healthKeys().keys()));
        HealthCipher.Sealed old = before.seal(id, plaintext);
        execute(pool, "UPDATE beneficiary SET health_key_id = $1, health_cipher = $2 WHERE id = $3", old.keyId(), old.value(), id);

        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + "/" + id + "/health")
                .then().statusCode(200).body("notes", equalTo("multiple sclerosis"));

        given().auth().oauth2(TOKENS.staff("cora")).when().post("/api/v1/care/health-keys/re-encryption")
                .then().statusCode(403);
        given().auth().oauth2(TOKENS.staff("ada")).when().post("/api/v1/care/health-keys/re-encryption?batchSize=500")
                .then().statusCode(200)
                .body("currentKeyId", equalTo("test-2"))
                .body("reEncrypted", greaterThanOrEqualTo(1))
                .body("remaining", equalTo(0));

        assertThat(rows(pool, "SELECT health_key_id FROM beneficiary WHERE id = $1", id).get(0).getString("health_key_id"))
                .isEqualTo("test-2");
        given().auth().oauth2(TOKENS.staff("cora")).when().get(BENEFICIARIES + "/" + id + "/health")
                .then().statusCode(200).body("notes", equalTo("multiple sclerosis"));
        assertThat(count(pool, "SELECT count(*) FROM health_read_audit WHERE beneficiary_id = $1 AND reader = 'ada' "
                + "AND purpose = 'RE_ENCRYPTION'", id)).isEqualTo(1);
        given().auth().oauth2(TOKENS.staff("ada")).when().post("/api/v1/care/health-keys/re-encryption?batchSize=0")
                .then().statusCode(400).body("errors[0].field", equalTo("batchSize"));
    }
}
