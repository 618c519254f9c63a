package io.careline.complaint.sla;

import static io.careline.complaint.sla.SlaTestSupport.clock;
import static io.careline.complaint.sla.SlaTestSupport.eventTypes;
import static io.careline.complaint.sla.SlaTestSupport.inTransaction;
import static io.careline.complaint.sla.SlaTestSupport.instant;
import static io.careline.complaint.sla.SlaTestSupport.ledgerTypes;
import static io.careline.complaint.sla.SlaTestSupport.subject;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The clocks a complaint gets when filed, and what the lifecycle's calls and the timers do to them, on a clock the
 * test moves. Each test uses complaints of its own; the timer worker is driven by the test (it is off in tests).
 */
@QuarkusTest
class SlaClocksTest {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    SlaClocks clocks;

    @Inject
    SlaTimers timers;

    @Inject
    TestClock time;

    @Inject
    Pool pool;

    @AfterEach
    void realTime() {
        time.reset();
    }

    @Test
    void filingAComplaintStartsBothClocksAndTheAcknowledgementStopsNeither() {
        String body = given().auth().oauth2(TOKENS.customer("alice")).contentType("application/json")
                .body("{\"category\":\"BILLING\",\"subject\":\"Charged twice\",\"description\":\"The bundle twice.\"}")
                .when().post("/api/v1/me/complaints")
                .then().statusCode(201).extract().path("id");
        UUID id = UUID.fromString(body);
        Row firstReply = clock(pool, id, ClockKind.FIRST_REPLY);
        Row resolution = clock(pool, id, ClockKind.RESOLUTION);
        Instant received = instant(pool.preparedQuery("SELECT received_at FROM complaint WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next(), "received_at");

        assertThat(firstReply.getString("policy_id")).isEqualTo("default");
        assertThat(firstReply.getString("state")).isEqualTo("RUNNING");
        assertThat(instant(firstReply, "due_at")).isEqualTo(received.plus(Duration.ofHours(48)));
        assertThat(instant(firstReply, "warn_at")).isEqualTo(received.plus(Duration.ofHours(36)));
        assertThat(instant(firstReply, "escalate_at")).isEqualTo(received.plus(Duration.ofHours(96)));
        assertThat(instant(firstReply, "next_fire_at")).isEqualTo(instant(firstReply, "warn_at"));
        assertThat(instant(resolution, "due_at")).isEqualTo(received.plus(Duration.ofDays(10)));
        assertThat(ledgerTypes(pool, id)).containsExactly("FIRST_REPLY:STARTED", "RESOLUTION:STARTED");
        // filed and acknowledged by the system at once: no SLA event, and (the ledger above) nothing stopped a clock
        assertThat(eventTypes(pool, id)).containsExactly("ComplaintReceived", "ComplaintStatusChanged",
                "ComplaintAcknowledged");
    }

    @Test
    void theMostSpecificPolicyCountsInItsCalendar() {
        // Friday 6 Nov 2026 17:30 Moscow, by hotline: 16 office hours (09–12, 13–18): ½ h Friday, 8 h Monday, 7½ h Tuesday
        Instant friday = LocalDateTime.parse("2026-11-06T17:30").atZone(ZoneId.of("Europe/Moscow")).toInstant();
        SlaSubject hotline = subject("NETWORK", null, "HOTLINE", friday);
        SlaSubject urgentBilling = subject("BILLING", "URGENT", "HOTLINE", friday);

        inTransaction(() -> clocks.start(hotline).chain(() -> clocks.start(urgentBilling)));

        Row business = clock(pool, hotline.complaintId(), ClockKind.FIRST_REPLY);
        assertThat(business.getString("policy_id")).isEqualTo("hotline-office-hours");
        assertThat(business.getString("calendar_id")).isEqualTo("office-moscow");
        assertThat(instant(business, "due_at"))
                .isEqualTo(LocalDateTime.parse("2026-11-10T17:30").atZone(ZoneId.of("Europe/Moscow")).toInstant());
        Row urgent = clock(pool, urgentBilling.complaintId(), ClockKind.FIRST_REPLY);
        assertThat(urgent.getString("policy_id")).isEqualTo("billing-urgent"); // its category beats the hotline's channel
        assertThat(instant(urgent, "due_at")).isEqualTo(friday.truncatedTo(ChronoUnit.MICROS).plus(Duration.ofHours(4)));
    }

    @Test
    void aPauseMovesTheDueTimeOnAndTheFirstPublicReplyStopsOnlyTheFirstReplyClock() {
        Instant received = Instant.parse("2030-01-07T08:00:00Z");
        SlaSubject complaint = subject("SERVICE", null, "APP", received);
        UUID id = complaint.complaintId();
        inTransaction(() -> clocks.start(complaint));

        inTransaction(() -> clocks.pausedWaitingOnCustomer(id, received.plus(Duration.ofHours(10))));
        Row paused = clock(pool, id, ClockKind.FIRST_REPLY);
        assertThat(paused.getString("state")).isEqualTo("PAUSED");
        assertThat(paused.getLong("consumed_seconds")).isEqualTo(Duration.ofHours(10).getSeconds());
        assertThat(instant(paused, "next_fire_at")).isNull();
        assertThat(instant(paused, "due_at")).isNull();

        // a second pause changes nothing; resuming 5 h later moves the due time on by 5 h
        inTransaction(() -> clocks.pausedWaitingOnCustomer(id, received.plus(Duration.ofHours(12))));
        inTransaction(() -> clocks.resumed(id, received.plus(Duration.ofHours(15))));
        Row resumed = clock(pool, id, ClockKind.FIRST_REPLY);
        assertThat(resumed.getString("state")).isEqualTo("RUNNING");
        assertThat(instant(resumed, "due_at")).isEqualTo(received.plus(Duration.ofHours(48 + 5)));
        assertThat(instant(resumed, "warn_at")).isEqualTo(received.plus(Duration.ofHours(36 + 5)));
        assertThat(instant(clock(pool, id, ClockKind.RESOLUTION), "due_at")).isEqualTo(received.plus(Duration.ofHours(240 + 5)));

        inTransaction(() -> clocks.firstPublicReplyByPerson(id, received.plus(Duration.ofHours(20)), "agnes", "north"));
        inTransaction(() -> clocks.firstPublicReplyByPerson(id, received.plus(Duration.ofHours(30)))); // not the first
        Row replied = clock(pool, id, ClockKind.FIRST_REPLY);
        assertThat(replied.getString("state")).isEqualTo("STOPPED");
        assertThat(replied.getString("outcome")).isEqualTo("MET");
        assertThat(replied.getLong("consumed_seconds")).isEqualTo(Duration.ofHours(15).getSeconds());
        assertThat(instant(replied, "next_fire_at")).isNull();
        assertThat(clock(pool, id, ClockKind.RESOLUTION).getString("state")).isEqualTo("RUNNING");

        inTransaction(() -> clocks.resolved(id, received.plus(Duration.ofHours(100))));
        assertThat(clock(pool, id, ClockKind.RESOLUTION).getString("outcome")).isEqualTo("MET");
        inTransaction(() -> clocks.reopened(id, received.plus(Duration.ofHours(110))));
        Row reopened = clock(pool, id, ClockKind.RESOLUTION);
        assertThat(reopened.getString("state")).isEqualTo("RUNNING");
        // 95 h used (100 − 5 paused), 145 h left from the reopening
        assertThat(instant(reopened, "due_at")).isEqualTo(received.plus(Duration.ofHours(110 + 145)));

        assertThat(ledgerTypes(pool, id)).containsExactly("FIRST_REPLY:STARTED", "RESOLUTION:STARTED",
                "FIRST_REPLY:PAUSED", "RESOLUTION:PAUSED", "FIRST_REPLY:RESUMED", "RESOLUTION:RESUMED",
                "FIRST_REPLY:STOPPED", "RESOLUTION:STOPPED", "RESOLUTION:REOPENED");
    }

    @Test
    void warningBreachAndTwiceTheTargetEachFireOnceAndEscalate() {
        Instant received = Instant.parse("2030-02-04T08:00:00Z");
        SlaSubject complaint = subject("DEVICE", null, "WEB", received);
        UUID id = complaint.complaintId();
        inTransaction(() -> clocks.start(complaint).chain(() -> clocks.assigned(id, "agnes", "north", received.plusSeconds(60))));

        time.set(received.plus(Duration.ofHours(36)).minusSeconds(1));
        drainInContext();
        assertThat(eventTypes(pool, id)).as("nothing due a second before 75%").isEmpty();

        time.set(received.plus(Duration.ofHours(36)));
        drainInContext();
        drainInContext();
        assertThat(eventTypes(pool, id)).containsExactly("SlaWarning");
        Row warning = pool.preparedQuery("SELECT payload FROM outbox_event WHERE payload->'data'->>'complaintId' = $1")
                .execute(Tuple.of(id.toString())).await().atMost(Duration.ofSeconds(10)).iterator().next();
        assertThat(warning.getValue("payload").toString()).contains("\"assignee\":\"agnes\"").contains("\"team\":\"north\"")
                .contains("\"clock\":\"FIRST_REPLY\"").contains("\"dueAt\":\"2030-02-06T08:00:00Z\"");

        time.set(received.plus(Duration.ofHours(48)));
        drainInContext();
        assertThat(eventTypes(pool, id)).containsExactly("SlaWarning", "SlaBreached");
        assertThat(clock(pool, id, ClockKind.FIRST_REPLY).getString("escalated_to")).isEqualTo("supervisor");

        time.set(received.plus(Duration.ofHours(200))); // past 2× the first reply's target, 75% of the resolution's
        drainInContext();
        drainInContext();
        assertThat(eventTypes(pool, id)).containsExactly("SlaWarning", "SlaBreached", "SlaEscalated", "SlaWarning");
        Row firstReply = clock(pool, id, ClockKind.FIRST_REPLY);
        assertThat(firstReply.getString("escalated_to")).isEqualTo("manager");
        assertThat(instant(firstReply, "next_fire_at")).isNull();
        assertThat(instant(clock(pool, id, ClockKind.RESOLUTION), "next_fire_at")).isEqualTo(received.plus(Duration.ofHours(240)));
        assertThat(ledgerTypes(pool, id)).containsSubsequence("FIRST_REPLY:WARNED", "FIRST_REPLY:BREACHED",
                "FIRST_REPLY:ESCALATED", "RESOLUTION:WARNED");

        // a reply now stops the clock as breached, 152 h over
        inTransaction(() -> clocks.firstPublicReplyByPerson(id, received.plus(Duration.ofHours(200))));
        Row late = clock(pool, id, ClockKind.FIRST_REPLY);
        assertThat(late.getString("outcome")).isEqualTo("BREACHED");
        assertThat(late.getLong("consumed_seconds")).isEqualTo(Duration.ofHours(200).getSeconds());
    }

    @Test
    void aClockPausedPastItsWarningShareWarnsWhenItResumes() {
        Instant received = Instant.parse("2030-03-04T08:00:00Z");
        SlaSubject complaint = subject("CLAIM", null, "WEB", received);
        UUID id = complaint.complaintId();
        inTransaction(() -> clocks.start(complaint));
        inTransaction(() -> clocks.pausedWaitingOnCustomer(id, received.plus(Duration.ofHours(35))));

        time.set(received.plus(Duration.ofHours(100)));
        drainInContext();
        assertThat(eventTypes(pool, id)).as("a paused clock fires nothing").isEmpty();

        inTransaction(() -> clocks.resumed(id, received.plus(Duration.ofHours(100))));
        time.set(received.plus(Duration.ofHours(101)));
        drainInContext();
        assertThat(eventTypes(pool, id)).containsExactly("SlaWarning");
        assertThat(instant(clock(pool, id, ClockKind.FIRST_REPLY), "due_at")).isEqualTo(received.plus(Duration.ofHours(113)));
    }

    private void drainInContext() {
        SlaTestSupport.await(timers::drain);
    }
}
