package io.careline.complaint;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.careline.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Real tokens for the demo users, and the few calls most complaint tests start from. */
final class Api {

    static final KeycloakTokens TOKENS = KeycloakTokens.local();
    static final String MINE = "/api/v1/me/complaints";
    static final String STAFF = "/api/v1/complaints";
    static final String PARTNER = "/api/partner/v1/complaints";

    private Api() {
    }

    static RequestSpecification customer(String user) {
        return given().auth().oauth2(TOKENS.customer(user)).contentType(ContentType.JSON);
    }

    static RequestSpecification staff(String user) {
        return given().auth().oauth2(TOKENS.staff(user)).contentType(ContentType.JSON);
    }

    static RequestSpecification partner() {
        return given().auth().oauth2(TOKENS.partner()).contentType(ContentType.JSON);
    }

    static RequestSpecification otherPartner() {
        return given().auth().oauth2(TOKENS.otherPartner()).contentType(ContentType.JSON);
    }

    /** A complaint the customer files from the app; its id. */
    static String fileAsCustomer(String user, String category, String subject) {
        return customer(user).body(Map.of("category", category, "subject", subject, "description", "details of " + subject))
                .post(MINE).then().statusCode(201).extract().path("id");
    }

    /** A complaint an agent files by phone for the customer; it lands in the agent's team. Its id. */
    static String fileAsAgent(String agent, String customerId, String category, String subject) {
        return fileAsAgent(agent, customerId, category, subject, Map.of());
    }

    static String fileAsAgent(String agent, String customerId, String category, String subject, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("customerId", customerId, "channel", "hotline", "category", category,
                "subject", subject, "description", "by phone: " + subject));
        body.putAll(extra);
        return staff(agent).body(body).post(STAFF).then().statusCode(201).extract().path("id");
    }

    /** A complaint the acme partner files; its id. */
    static String fileAsPartner(String customerId, String subject) {
        return partner().body(Map.of("customerId", customerId, "category", "SERVICE", "subject", subject,
                "description", "from acme: " + subject)).post(PARTNER).then().statusCode(201).extract().path("id");
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
