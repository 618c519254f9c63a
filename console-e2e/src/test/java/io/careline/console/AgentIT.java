package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import io.careline.testing.KeycloakTokens;

/** Agnes, an agent: the console shows her no admin screen, and the API refuses her if she forces the call. */
class AgentIT extends BrowserTest {

    @Test
    void seesNoAdminScreen() {
        signIn("agnes");

        // no screen of hers besides her own page yet: the console opens it
        page.waitForURL(CONSOLE + "whoami");
        Locator nav = page.getByRole(AriaRole.NAVIGATION, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Main navigation"));
        assertThat(nav.getByRole(AriaRole.LINK)).hasText(new String[] {"Who am I"});
        assertThat(page.locator("who-am-i .username")).hasText("agnes");
        assertThat(page.locator("who-am-i .roles li")).hasText(new String[] {"Agent (agent)"});
        assertThat(page.locator("who-am-i .client")).hasText("careline-admin");

        // typed in by hand, the admin screen stays shut (a reload: the console signs her in again by itself)
        page.navigate(CONSOLE + "parked/complaint");
        page.waitForURL(CONSOLE + "parked/complaint");
        assertThat(page.getByRole(AriaRole.HEADING, new com.microsoft.playwright.Page.GetByRoleOptions().setLevel(1)))
                .hasText("Not available to you");
        assertThat(page.locator("parked-events")).hasCount(0);
        screenshot("agent-admin-screen-refused");
    }

    @Test
    void theApiRefusesHerTheAdminCall() {
        String token = KeycloakTokens.local().staff("agnes");
        given().auth().oauth2(token)
                .when().get(GATEWAY + "/api/v1/ops/complaint/outbox/parked")
                .then().statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(403));
        given().auth().oauth2(token)
                .when().post(GATEWAY + "/api/v1/ops/complaint/outbox/" + java.util.UUID.randomUUID() + "/retry")
                .then().statusCode(403);
    }
}
