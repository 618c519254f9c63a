package io.careline.complaint.sla;

import static io.careline.complaint.sla.SlaTestSupport.chained;
import static io.careline.complaint.sla.SlaTestSupport.inTransaction;
import static io.careline.complaint.sla.SlaTestSupport.subject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The ledger holds one hash chain; an edited, a deleted, an inserted or a truncated entry is found, and the export
 * recomputes.
 */
@QuarkusTest
class SlaLedgerTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String VERIFY = "/api/v1/complaints/sla/ledger/verify";
    private static final String EXPORT = "/api/v1/complaints/sla/ledger";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    SlaClocks clocks;

    @Inject
    SlaLedger ledger;

    @Inject
    Pool pool;

    @Test
    void theServiceItselfCannotChangeOrRemoveAnEntry() {
        long seq = entriesOfANewComplaint().get(0);

        assertThatThrownBy(() -> pool.preparedQuery("UPDATE sla_ledger SET payload = '{}' WHERE seq = $1").execute(Tuple.of(seq))
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("append-only");
        assertThatThrownBy(() -> pool.preparedQuery("DELETE FROM sla_ledger WHERE seq = $1").execute(Tuple.of(seq))
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("append-only");
        assertThatThrownBy(() -> pool.query("TRUNCATE sla_ledger").execute().await().atMost(Duration.ofSeconds(10)))
                .hasMessageContaining("append-only");
    }

    @Test
    void anEditedEntryIsFoundAndNamed() {
        long seq = entriesOfANewComplaint().get(1);
        verifiedIntact();
        Row original = row(seq);

        bypassingTheTrigger("UPDATE sla_ledger SET payload = replace(payload, '\"targetSeconds\":864000', '\"targetSeconds\":8640000') WHERE seq = " + seq);
        try {
            given().auth().oauth2(TOKENS.staff("sam")).when().get(VERIFY)
                    .then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) seq))
                    .body("firstBroken.reason", startsWith("hash does not match"));
        } finally {
            bypassingTheTrigger("UPDATE sla_ledger SET payload = '" + original.getString("payload").replace("'", "''") + "' WHERE seq = " + seq);
        }
        verifiedIntact();

        // a rehashed edit is still found: the next entry's prev_hash no longer matches
        String payload = original.getString("payload").replace("\"targetSeconds\":864000", "\"targetSeconds\":8640000");
        String rehashed = LedgerHash.of(original.getString("prev_hash"), payload);
        bypassingTheTrigger("UPDATE sla_ledger SET payload = '" + payload.replace("'", "''") + "', hash = '" + rehashed + "' WHERE seq = " + seq);
        try {
            given().auth().oauth2(TOKENS.staff("ada")).when().get(VERIFY)
                    .then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) seq + 1))
                    .body("firstBroken.reason", startsWith("prev_hash"));
        } finally {
            bypassingTheTrigger("UPDATE sla_ledger SET payload = '" + original.getString("payload").replace("'", "''")
                    + "', hash = '" + original.getString("hash") + "' WHERE seq = " + seq);
        }
        verifiedIntact();
    }

    @Test
    void aDeletedEntryIsFoundInTheMiddleAndAtTheEnd() {
        long seq = entriesOfANewComplaint().get(0);
        Row original = row(seq);

        bypassingTheTrigger("DELETE FROM sla_ledger WHERE seq = " + seq);
        try {
            given().auth().oauth2(TOKENS.staff("sam")).when().get(VERIFY)
                    .then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) seq))
                    .body("firstBroken.reason", startsWith("entries " + seq));
        } finally {
            restore(original);
        }
        verifiedIntact();

        long last = pool.query("SELECT max(seq) FROM sla_ledger").execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        Row tail = row(last);
        bypassingTheTrigger("DELETE FROM sla_ledger WHERE seq = " + last);
        try {
            given().auth().oauth2(TOKENS.staff("sam")).when().get(VERIFY)
                    .then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) last))
                    .body("firstBroken.reason", startsWith("the head names entry " + last));
        } finally {
            restore(tail);
        }
        verifiedIntact();
    }

    @Test
    void anEntryInsertedAfterTheHeadIsFound() {
        entriesOfANewComplaint();
        long last = pool.query("SELECT max(seq) FROM sla_ledger").execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        Row tail = row(last);
        // a replayed copy of the last entry, linked correctly after it: only the head, which the chainer alone
        // moves, betrays it
        String payload = tail.getString("payload");
        pool.preparedQuery("""
                INSERT INTO sla_ledger (seq, recorded_at, occurred_at, entry_type, clock_id, complaint_id, clock_kind, payload, prev_hash, hash)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""")
                .execute(Tuple.from(List.of(last + 1, tail.getOffsetDateTime("recorded_at"), tail.getOffsetDateTime("occurred_at"),
                        tail.getString("entry_type"), tail.getUUID("clock_id"), tail.getUUID("complaint_id"), tail.getString("clock_kind"), payload,
                        tail.getString("hash"), LedgerHash.of(tail.getString("hash"), payload))))
                .await().atMost(Duration.ofSeconds(10));
        try {
            given().auth().oauth2(TOKENS.staff("sam")).when().get(VERIFY)
                    .then().statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) last + 1))
                    .body("firstBroken.reason", startsWith("the head names entry " + last));
        } finally {
            bypassingTheTrigger("DELETE FROM sla_ledger WHERE seq = " + (last + 1));
        }
        verifiedIntact();
    }

    @Test
    void anEntryIsChainedOnceAndNothingElseOfItChanges() {
        SlaSubject complaint = subject("OTHER", null, "WEB", Instant.now());
        inTransaction(() -> clocks.start(complaint));
        long id = pool.preparedQuery("SELECT min(id) FROM sla_ledger WHERE complaint_id = $1").execute(Tuple.of(complaint.complaintId()))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);

        // pending: its payload cannot be changed, nor the entry removed
        assertThatThrownBy(() -> pool.preparedQuery("UPDATE sla_ledger SET payload = '{}' WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("append-only");
        assertThatThrownBy(() -> pool.preparedQuery("DELETE FROM sla_ledger WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("append-only");

        chained(ledger);
        // chained: not again
        assertThatThrownBy(() -> pool.preparedQuery("UPDATE sla_ledger SET seq = seq + 1000000, hash = hash WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10))).hasMessageContaining("append-only");
        verifiedIntact();
    }

    @Test
    void theExportCarriesWhatAThirdPartyNeedsToRecomputeTheChain() throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.MICROS);
        entriesOfANewComplaint();
        entriesOfANewComplaint();

        // recorded by this test, on the real clock (other tests record at the times they set)
        String body = given().auth().oauth2(TOKENS.staff("mia"))
                .queryParam("from", from.toString()).queryParam("to", Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS).toString())
                .queryParam("size", 100)
                .when().get(EXPORT)
                .then().statusCode(200).extract().asString();
        // read as a third party would, with a plain JSON parser
        JsonNode items = new ObjectMapper().readTree(body).get("items");
        assertThat(items.size()).isEqualTo(6);
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < items.size(); i++) {
            JsonNode entry = items.get(i);
            String recomputed = HexFormat.of().formatHex(sha256.digest(
                    (entry.get("prevHash").asText() + entry.get("payload").asText()).getBytes(StandardCharsets.UTF_8)));
            assertThat(recomputed).as("entry " + entry.get("seq")).isEqualTo(entry.get("hash").asText());
            if (i > 0) {
                assertThat(entry.get("prevHash").asText()).isEqualTo(items.get(i - 1).get("hash").asText());
                assertThat(entry.get("seq").asLong()).isEqualTo(items.get(i - 1).get("seq").asLong() + 1);
            }
        }
    }

    @Test
    void badBoundsAreProblemsNamingTheParameter() {
        given().auth().oauth2(TOKENS.staff("sam")).queryParam("from", "yesterday").when().get(EXPORT)
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("from"));
        given().auth().oauth2(TOKENS.staff("sam")).queryParam("to", "2026-02-30T00:00:00Z").when().get(EXPORT)
                .then().statusCode(422).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TOKENS.staff("sam")).queryParam("from", "2026-11-02T00:00:00Z").queryParam("to", "2026-11-01T00:00:00Z")
                .when().get(EXPORT)
                .then().statusCode(422).contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(TOKENS.staff("sam")).queryParam("size", 1000).when().get(EXPORT)
                .then().statusCode(400).contentType(startsWith(PROBLEM)).body("errors.field", hasItem("size"));
    }

    @Test
    void onlySupervisorsAndAdminsVerifyAndOnlyTheyAndManagersExport() {
        for (String user : List.of("agnes", "mia")) {
            given().auth().oauth2(TOKENS.staff(user)).when().get(VERIFY).then().statusCode(403).contentType(startsWith(PROBLEM));
        }
        given().auth().oauth2(TOKENS.staff("agnes")).when().get(EXPORT).then().statusCode(403).contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.customer("alice")).when().get(VERIFY).then().statusCode(403).contentType(startsWith(PROBLEM));
        given().auth().oauth2(TOKENS.customer("alice")).when().get(EXPORT).then().statusCode(403).contentType(startsWith(PROBLEM));
        given().when().get(VERIFY).then().statusCode(401).contentType(startsWith(PROBLEM));
        given().when().get(EXPORT).then().statusCode(401).contentType(startsWith(PROBLEM));
    }

    /** Starts the clocks of a new complaint and stops one; returns its entries' sequence numbers. */
    private List<Long> entriesOfANewComplaint() {
        SlaSubject complaint = subject("OTHER", null, "WEB", Instant.now());
        UUID id = complaint.complaintId();
        inTransaction(() -> clocks.start(complaint).chain(() -> clocks.firstPublicReplyByPerson(id, Instant.now())));
        chained(ledger);
        return pool.preparedQuery("SELECT seq FROM sla_ledger WHERE complaint_id = $1 ORDER BY seq").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).stream().map(row -> row.getLong("seq")).toList();
    }

    private void verifiedIntact() {
        given().auth().oauth2(TOKENS.staff("sam")).when().get(VERIFY)
                .then().statusCode(200).body("valid", equalTo(true)).body("firstBroken", nullValue());
    }

    private Row row(long seq) {
        return pool.preparedQuery("SELECT * FROM sla_ledger WHERE seq = $1").execute(Tuple.of(seq))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private void restore(Row row) {
        pool.withTransaction(connection -> connection.query("ALTER TABLE sla_ledger DISABLE TRIGGER sla_ledger_append_only").execute()
                .chain(() -> connection.preparedQuery("""
                        INSERT INTO sla_ledger (id, seq, recorded_at, occurred_at, entry_type, clock_id, complaint_id, clock_kind,
                            payload, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""")
                        .execute(Tuple.from(List.of(row.getLong("id"), row.getLong("seq"), row.getOffsetDateTime("recorded_at"),
                                row.getOffsetDateTime("occurred_at"), row.getString("entry_type"), row.getUUID("clock_id"),
                                row.getUUID("complaint_id"), row.getString("clock_kind"), row.getString("payload"),
                                row.getString("prev_hash"), row.getString("hash")))))
                .chain(() -> connection.query("ALTER TABLE sla_ledger ENABLE TRIGGER sla_ledger_append_only").execute()))
                .await().atMost(Duration.ofSeconds(10));
    }

    /** As an operator who owns the table would, on purpose: the trigger off, the statement, the trigger on. */
    private void bypassingTheTrigger(String statement) {
        pool.withTransaction(connection -> connection.query("ALTER TABLE sla_ledger DISABLE TRIGGER sla_ledger_append_only").execute()
                .chain(() -> connection.query(statement).execute())
                .chain(() -> connection.query("ALTER TABLE sla_ledger ENABLE TRIGGER sla_ledger_append_only").execute()))
                .await().atMost(Duration.ofSeconds(10));
    }
}
