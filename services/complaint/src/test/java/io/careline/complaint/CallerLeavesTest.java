package io.careline.complaint;

import static io.careline.complaint.ComplaintTestSupport.awaitBlockedOnHeldRow;
import static io.careline.complaint.ComplaintTestSupport.count;
import static io.careline.complaint.ComplaintTestSupport.holdComplaint;
import static io.careline.complaint.ComplaintTestSupport.postAndHangUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.complaint.ComplaintTestSupport.HeldComplaint;
import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.service.FileComplaint;
import io.careline.service.http.ConcurrencyLimit;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * A caller that hangs up while its complaint is being stored: the transaction runs to its end (complaint and event
 * together), Hibernate is not cut off mid-statement, and the service goes on answering.
 */
@QuarkusTest
class CallerLeavesTest {

    private static final String PATH = "/api/v1/me/complaints";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();
    private static final String BODY = "{\"category\":\"NETWORK\",\"subject\":\"Hung up\",\"description\":\"d\"}";

    @Inject
    Pool pool;

    @Inject
    ObjectMapper json;

    @Inject
    ConcurrencyLimit limit;

    @Test
    void aCallerLeavingMidTransactionLeavesItWholeAndNoSessionMisuse() throws Exception {
        String key = "leave-" + UUID.randomUUID();
        try (LogCapture log = LogCapture.start()) {
            // a row with the same key, uncommitted, stops the request at its INSERT: mid-transaction
            HeldComplaint blocker = holdComplaint(json,
                    FileComplaint.byCustomer("C-1001", "APP", Category.NETWORK, "Hung up", "d", key));
            try {
                postAndHangUp(RestAssured.port, TOKENS.customer("alice"), key, BODY);
                awaitBlockedOnHeldRow(pool);
                // the server has seen the connection close (the limiter's permit comes back on close)
                await().atMost(Duration.ofSeconds(30)).until(() -> limit.inFlight() == 0);
            } finally {
                blocker.rollback(); // the request's INSERT goes on now, with nobody waiting for its answer
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> count(pool, "SELECT count(*) FROM complaint WHERE idempotency_key = $1", key) == 1);
            assertThat(count(pool, "SELECT count(*) FROM outbox_event o JOIN complaint c ON o.payload->'data'->>'complaintId' = c.id::text "
                    + "AND o.event_type = 'io.careline.ComplaintReceived.v1' "
                    + "WHERE c.idempotency_key = $1", key)).isEqualTo(1);
            given().auth().oauth2(TOKENS.customer("alice")).get(PATH).then().statusCode(200);
            assertThat(log.messages()).noneMatch(m -> m.contains("HHH000099") || m.contains("Live transaction"));
        }
    }

    @Test
    void manyCallersHangingUpAtOnceLeaveNothingHalfWritten() throws Exception {
        String run = "hangup-" + UUID.randomUUID() + "-";
        try (LogCapture log = LogCapture.start()) {
            String token = TOKENS.customer("alice");
            for (int i = 0; i < 40; i++) {
                postAndHangUp(RestAssured.port, token, run + i, BODY);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> limit.inFlight() == 0);
            given().auth().oauth2(token).get(PATH).then().statusCode(200);

            // every complaint filed has its event, and no event lacks its complaint; one statement, so one snapshot
            // while the last of the requests may still be committing
            assertThat(count(pool, "SELECT count(*) FROM complaint c WHERE c.idempotency_key LIKE $1 AND (SELECT count(*) "
                    + "FROM outbox_event o WHERE o.payload->'data'->>'complaintId' = c.id::text "
                    + "AND o.event_type = 'io.careline.ComplaintReceived.v1') <> 1", run + "%")).isZero();
            assertThat(count(pool, "SELECT count(*) FROM outbox_event o WHERE o.payload->'data'->>'subject' = 'Hung up' "
                    + "AND NOT EXISTS (SELECT 1 FROM complaint c WHERE c.id::text = o.payload->'data'->>'complaintId')"))
                    .isZero();
            assertThat(log.messages()).noneMatch(m -> m.contains("HHH000099") || m.contains("Live transaction"));
        }
    }
}
