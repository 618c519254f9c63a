package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

import io.careline.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;

/**
 * Agnes, an agent: the console shows her no admin or supervisor screen and does not offer her a supervisor's approval,
 * and the API refuses her if she forces the call.
 */
class AgentIT extends BrowserTest {

    @Test
    void seesNoAdminScreen() {
        signIn("agnes");

        // an agent's screens: her complaints, and her own page
        page.waitForURL(CONSOLE + "complaints/queue");
        assertThat(nav().getByRole(AriaRole.LINK)).hasText(new String[] {"Complaint queue", "File a complaint", "Customer search", "Who am I"});
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Who am I")).click();
        assertThat(page.locator("who-am-i .username")).hasText("agnes");
        assertThat(page.locator("who-am-i .roles li")).hasText(new String[] {"Agent (agent)", "Staff (staff)"});
        assertThat(page.locator("who-am-i .client")).hasText("careline-admin");

        // typed in by hand, the admin screen stays shut (a reload: the console signs her in again by itself)
        page.navigate(CONSOLE + "parked/complaint");
        page.waitForURL(CONSOLE + "parked/complaint");
        assertThat(heading()).hasText("Not available to you");
        assertThat(page.locator("parked-events")).hasCount(0);
        screenshot("agent-admin-screen-refused");
    }

    @Test
    void isNotOfferedASupervisorsApprovalAndTheApiRefusesIt() {
        // an overcharge above the threshold, verified by agnes: it awaits a supervisor
        JsonPath filed = ComplaintData.billingComplaint("alice", CareData.unique("Charged twice"), "620.00");
        UUID id = UUID.fromString(filed.getString("id"));
        ComplaintData.assign(id, "agnes", "north");
        assertThat(ComplaintData.verify("agnes", id, "620.00").getString("status")).isEqualTo("AWAITING_APPROVAL");

        signIn("agnes");
        page.waitForURL(CONSOLE + "complaints/queue");
        page.navigate(CONSOLE + "complaints/" + id);
        Locator compensation = page.locator("complaint-page section.compensation");
        assertThat(compensation.locator(".compensation-status")).hasText("Awaiting a supervisor's approval");
        assertThat(compensation.locator(".awaiting")).hasText("A supervisor must approve it.");
        assertThat(button("Approve the compensation")).hasCount(0);
        assertThat(page.locator("complaint-page section.oversight")).hasCount(0);
        screenshot("agent-awaiting-approval");

        // the supervisors' screens are not hers, typed in by hand either
        page.navigate(CONSOLE + "complaints/draw");
        assertThat(heading()).hasText("Not available to you");
        assertThat(page.locator("complaint-draw")).hasCount(0);

        // forced, the approval is refused by the API: it is a supervisor's
        ComplaintData.staff("agnes")
                .when().post(ComplaintData.STAFF_API + "/" + id + "/compensation/approval")
                .then().statusCode(403)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(403));
        assertThat(ComplaintData.asStaff("sam", id).getString("compensation.status")).isEqualTo("AWAITING_APPROVAL");
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
