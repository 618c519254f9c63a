package io.careline.console;

import static io.restassured.RestAssured.given;

import io.careline.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The complaints a journey needs, made through the platform's API as a customer (signed in to the mobile app) and
 * staff (signed in to the console) would, and read back through the same API to assert the effect.
 */
final class ComplaintData {

    static final String STAFF_API = BrowserTest.GATEWAY + "/api/v1/complaints";
    static final String CUSTOMER_API = BrowserTest.GATEWAY + "/api/v1/me/complaints";
    private static final String COMPLAINT_JDBC = System.getProperty("careline.complaint.jdbc",
            "jdbc:postgresql://127.0.0.1:5432/careline_complaint");
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();
    private static final String INBOX = BrowserTest.GATEWAY + "/api/v1/me/inbox";
    // far beyond the relay's and the consumer's usual second: a bound, not a timing
    private static final Duration INBOX_WAIT = Duration.ofSeconds(60);

    private ComplaintData() {
    }

    static RequestSpecification staff(String user) {
        return given().auth().oauth2(TOKENS.staff(user)).contentType(ContentType.JSON);
    }

    static RequestSpecification customer(String user) {
        return given().auth().oauth2(TOKENS.customer(user)).contentType(ContentType.JSON);
    }

    /** A customer files a billing complaint in the app, claiming an overcharge in EUR; the complaint as they see it. */
    static JsonPath billingComplaint(String customer, String subject, String claimed) {
        return customer(customer).header("Idempotency-Key", CareData.unique("e2e"))
                .body(Map.of("category", "BILLING", "subject", subject,
                        "description", "The October bill shows the bundle twice.",
                        "claimedOvercharge", Map.of("amount", claimed, "currency", "EUR")))
                .post(CUSTOMER_API).then().statusCode(201).extract().jsonPath();
    }

    /** A supervisor puts the complaint in an agent's hands (and their team's). */
    static void assign(UUID complaint, String agent, String team) {
        staff("sam").body(Map.of("assignee", agent, "team", team, "reason", "console journey"))
                .post(STAFF_API + "/" + complaint + "/assignment").then().statusCode(200);
    }

    /** An agent verifies the claimed overcharge; the compensation as staff see it. */
    static JsonPath verify(String agent, UUID complaint, String amount) {
        return staff(agent).body(Map.of("verifiedAmount", Map.of("amount", amount, "currency", "EUR"),
                        "evidence", "Invoice 2026-10 line 4 duplicates line 3"))
                .post(STAFF_API + "/" + complaint + "/compensation").then().statusCode(201).extract().jsonPath();
    }

    static JsonPath asStaff(String user, UUID complaint) {
        return staff(user).get(STAFF_API + "/" + complaint).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath asCustomer(String customer, String path) {
        return customer(customer).get(CUSTOMER_API + path).then().statusCode(200).extract().jsonPath();
    }

    /**
     * Waits until the customer's inbox (the notification service, through the gateway, with the customer's token)
     * holds a message of this kind about the complaint: the event travels through Kafka, so it lands a moment later.
     */
    static Map<String, Object> awaitInboxMessage(String customer, UUID complaint, String kind) {
        Instant deadline = Instant.now().plus(INBOX_WAIT);
        while (true) {
            List<Map<String, Object>> items = customer(customer).queryParam("size", 100).get(INBOX)
                    .then().statusCode(200).extract().jsonPath().getList("items");
            Optional<Map<String, Object>> message = items.stream()
                    .filter(m -> complaint.toString().equals(m.get("complaintId")) && kind.equals(m.get("kind"))).findFirst();
            if (message.isPresent()) {
                return message.get();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(customer + "'s inbox has no " + kind + " message about " + complaint + " after " + INBOX_WAIT);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The events (their JSON envelopes) the complaint service's outbox holds for one complaint, oldest first. */
    static List<String> eventsOf(UUID complaint) {
        try (Connection connection = DriverManager.getConnection(COMPLAINT_JDBC, "careline", "careline");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT payload::text FROM outbox_event WHERE payload->'data'->>'complaintId' = ? ORDER BY position")) {
            select.setString(1, complaint.toString());
            List<String> events = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    events.add(rows.getString(1));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the complaint service's outbox at " + COMPLAINT_JDBC, e);
        }
    }
}
