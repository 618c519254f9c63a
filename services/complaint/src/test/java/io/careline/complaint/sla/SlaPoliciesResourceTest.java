package io.careline.complaint.sla;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/** Staff read the policies and their calendars, admins edit them; customers and anonymous callers do neither. */
@QuarkusTest
class SlaPoliciesResourceTest {

    private static final String POLICIES = "/api/v1/complaints/sla/policies";
    private static final String PROBLEM = "application/problem+json";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @Inject
    SlaClocks clocks;

    @Inject
    Pool pool;

    @Test
    void anAgentReadsThePoliciesWithTheirCalendars() {
        given().auth().oauth2(TOKENS.staff("agnes")).when().get(POLICIES)
                .then().statusCode(200)
                .body("id", hasItems("default", "hotline-office-hours", "billing-urgent"))
                .body("find { it.id == 'default' }.firstReplyTarget", equalTo("PT48H"))
                .body("find { it.id == 'default' }.hours", equalTo("CALENDAR"))
                .body("find { it.id == 'hotline-office-hours' }.channel", equalTo("HOTLINE"))
                .body("find { it.id == 'hotline-office-hours' }.calendar.timezone", equalTo("Europe/Moscow"))
                .body("find { it.id == 'hotline-office-hours' }.calendar.week.MONDAY", hasItems("09:00–12:00", "13:00–18:00"))
                .body("find { it.id == 'hotline-office-hours' }.calendar.holidays.day", hasItems("2026-11-04"));
        for (String user : new String[] { "sam", "mia", "ada" }) {
            given().auth().oauth2(TOKENS.staff(user)).when().get(POLICIES).then().statusCode(200);
        }
    }

    @Test
    void anAdminSavesAPolicyThatNewComplaintsAreMatchedAgainst() {
        given().auth().oauth2(TOKENS.staff("ada")).contentType("application/json")
                .body(policy("Kiosk, other: 2 office hours", "OTHER", "KIOSK", "PT2H", "office-moscow"))
                .when().put(POLICIES + "/test-kiosk-other")
                .then().statusCode(200)
                .body("id", equalTo("test-kiosk-other"))
                .body("firstReplyTarget", equalTo("PT2H"))
                .body("hours", equalTo("BUSINESS"));
        given().auth().oauth2(TOKENS.staff("agnes")).when().get(POLICIES)
                .then().statusCode(200).body("find { it.id == 'test-kiosk-other' }.channel", equalTo("KIOSK"));

        // Monday 9 Nov 2026 11:30 Moscow + 2 office hours: 30 min before lunch, 90 after → 14:30 Moscow
        SlaSubject kiosk = SlaTestSupport.subject("OTHER", null, "KIOSK", Instant.parse("2026-11-09T08:30:00Z"));
        SlaTestSupport.inTransaction(() -> clocks.start(kiosk));
        Row clock = SlaTestSupport.clock(pool, kiosk.complaintId(), ClockKind.FIRST_REPLY);
        assertThat(clock.getString("policy_id")).isEqualTo("test-kiosk-other");
        assertThat(SlaTestSupport.instant(clock, "due_at")).isEqualTo(Instant.parse("2026-11-09T11:30:00Z"));
    }

    @Test
    void aBadPolicyIsAProblemNamingTheField() {
        String admin = TOKENS.staff("ada");
        given().auth().oauth2(admin).contentType("application/json").body(policy("x", "OTHER", "SMS", "48 hours", null))
                .when().put(POLICIES + "/test-bad").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItems("firstReplyTarget"));
        given().auth().oauth2(admin).contentType("application/json").body(policy("x", "billing", "SMS", "PT4H", null))
                .when().put(POLICIES + "/test-bad").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItems("category"));
        given().auth().oauth2(admin).contentType("application/json").body(policy("x", "OTHER", "SMS", "PT0H", null))
                .when().put(POLICIES + "/test-bad").then().statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("firstReplyTarget"));
        given().auth().oauth2(admin).contentType("application/json").body(policy("x", "OTHER", "SMS", "PT4H", "atlantis"))
                .when().put(POLICIES + "/test-bad").then().statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("calendarId"));
        // the seeded hotline policy already matches any category and priority by hotline
        given().auth().oauth2(admin).contentType("application/json").body(policy("x", null, "HOTLINE", "PT4H", null))
                .when().put(POLICIES + "/test-bad").then().statusCode(422).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(admin).contentType("application/json").body(policy("x", "OTHER", "SMS", "PT4H", null))
                .when().put(POLICIES + "/Not_An_Id").then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors.field", hasItems("id"));
        given().auth().oauth2(admin).when().get(POLICIES).then().statusCode(200).body("id", not(hasItems("test-bad")));
    }

    @Test
    void onlyAdminsSavePolicies() {
        for (String user : new String[] { "agnes", "sam", "mia" }) {
            given().auth().oauth2(TOKENS.staff(user)).contentType("application/json").body(policy("x", "OTHER", "SMS", "PT4H", null))
                    .when().put(POLICIES + "/test-forbidden").then().statusCode(403).contentType(startsWith(PROBLEM));
        }
        given().contentType("application/json").body(policy("x", "OTHER", "SMS", "PT4H", null))
                .when().put(POLICIES + "/test-forbidden").then().statusCode(401).contentType(startsWith(PROBLEM));
    }

    private static String policy(String name, String category, String channel, String firstReply, String calendar) {
        return "{\"name\":\"" + name + "\",\"category\":" + quoted(category) + ",\"priority\":null,\"channel\":" + quoted(channel)
                + ",\"firstReplyTarget\":\"" + firstReply + "\",\"resolutionTarget\":\"PT80H\",\"calendarId\":" + quoted(calendar) + "}";
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Test
    void customersAreForbiddenAndAnonymousCallersUnauthorized() {
        given().auth().oauth2(TOKENS.customer("alice")).when().get(POLICIES)
                .then().statusCode(403).contentType(startsWith(PROBLEM));
        given().when().get(POLICIES).then().statusCode(401).contentType(startsWith(PROBLEM));
    }
}
