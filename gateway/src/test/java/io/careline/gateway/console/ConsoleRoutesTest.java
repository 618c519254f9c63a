package io.careline.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.careline.gateway.testing.FakeUpstreams;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway's side of the admin console: its configuration and security headers, without a token. (Quinoa does not
 * build the console in @QuarkusTests; console-e2e drives the built console in a browser.)
 */
@QuarkusTest
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ConsoleRoutesTest {

    @Test
    void servesTheConsoleItsConfigurationWithoutAToken() {
        given().when().get("/admin/config.json").then().statusCode(200)
                .contentType("application/json")
                .header("Cache-Control", "no-cache")
                .body("authority", equalTo("http://127.0.0.1:18080/realms/careline"))
                .body("clientId", equalTo("careline-admin"))
                .body("outboxServices", contains("complaint", "claim-care", "customer"));
    }

    @Test
    void letsTheConsoleRunOnlyItsOwnScriptsAndTalkOnlyToTheGatewayAndKeycloak() {
        given().when().get("/admin/config.json").then()
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("connect-src 'self' http://127.0.0.1:18080;"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
    }

    @Test
    void sendsTheBarePathToTheConsole() {
        given().redirects().follow(false).when().get("/admin").then().statusCode(302).header("Location", "/admin/");
    }

    @Test
    void leavesTheApiBehindItsToken() {
        given().when().get("/api/v1/ops/complaint/outbox/parked").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
    }
}
