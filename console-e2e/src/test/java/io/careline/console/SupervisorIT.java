package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Sam, agent and supervisor of team north: approves a compensation someone else verified (and is not offered his
 * own), reassigns, overrides and reopens with a reason, confirms a network incident, and runs and checks the draw.
 */
class SupervisorIT extends BrowserTest {

    @Test
    void approvesACompensation() {
        JsonPath filed = ComplaintData.billingComplaint("alice", CareData.unique("Charged twice"), "720.00");
        UUID id = UUID.fromString(filed.getString("id"));
        String reference = filed.getString("reference");
        ComplaintData.assign(id, "agnes", "north");
        // above the threshold (500.00): agnes's verification awaits a supervisor
        assertThat(ComplaintData.verify("agnes", id, "720.00").getString("status")).isEqualTo("AWAITING_APPROVAL");

        signIn("sam");
        page.waitForURL(CONSOLE + "complaints/queue");
        assertThat(nav().getByRole(AriaRole.LINK)).hasText(new String[] {
                "Complaint queue", "File a complaint", "SLA alerts", "SLA compliance", "Network incidents", "Monthly draw",
                "Customer search", "Who am I"});
        findInQueue("all", reference).getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference)).click();
        page.waitForURL(CONSOLE + "complaints/" + id);

        Locator compensation = page.locator("complaint-page section.compensation");
        assertThat(compensation.locator(".compensation-status")).hasText("Awaiting a supervisor's approval");
        assertThat(compensation.locator(".approval")).containsText("Approving grants €1,440.00 in all");
        screenshot("complaint-approval");
        button("Approve the compensation").click();
        assertThat(status()).hasText("Compensation approved and granted.");
        assertThat(compensation.locator(".compensation-status")).hasText("Granted");
        assertThat(button("Approve the compensation")).hasCount(0);

        JsonPath granted = ComplaintData.asStaff("sam", id);
        assertThat(granted.getString("compensation.status")).isEqualTo("GRANTED");
        assertThat(granted.getString("compensation.approvedBy")).isEqualTo("sam");
        JsonPath seen = ComplaintData.asCustomer("alice", "/" + id);
        assertThat(seen.getString("compensation.status")).isEqualTo("GRANTED");
        assertThat(seen.getDouble("compensation.refundAmount")).isEqualTo(720.0);
        assertThat(seen.getDouble("compensation.rewardAmount")).isEqualTo(720.0);
    }

    @Test
    void isNotOfferedTheApprovalOfWhatHeVerified() {
        JsonPath filed = ComplaintData.billingComplaint("alice", CareData.unique("Charged twice"), "650.00");
        UUID id = UUID.fromString(filed.getString("id"));
        ComplaintData.assign(id, "sam", "north");
        ComplaintData.verify("sam", id, "650.00");

        signIn("sam");
        page.waitForURL(CONSOLE + "complaints/queue");
        page.navigate(CONSOLE + "complaints/" + id);
        Locator compensation = page.locator("complaint-page section.compensation");
        assertThat(compensation.locator(".awaiting")).hasText("You verified it: another supervisor must approve it.");
        assertThat(button("Approve the compensation")).hasCount(0);
    }

    @Test
    void reassignsOverridesAndReopensWithAReason() {
        String batch = CareData.unique("Batch");
        UUID first = UUID.fromString(ComplaintData.billingComplaint("alice", batch + " one", "10.00").getString("id"));
        UUID second = UUID.fromString(ComplaintData.billingComplaint("bob", batch + " two", "20.00").getString("id"));
        ComplaintData.assign(first, "agnes", "north");
        ComplaintData.assign(second, "agnes", "north");

        signIn("sam");
        page.waitForURL(CONSOLE + "complaints/queue");
        findInQueue("all", batch);
        assertThat(page.locator("complaint-queue tbody tr")).hasCount(2);
        page.getByLabel("Choose").first().check();
        page.getByLabel("Choose").nth(1).check();
        Locator bulk = page.locator("complaint-queue section.bulk");
        assertThat(bulk).containsText("2 chosen on this page.");
        bulk.getByLabel("Agent").fill("ted");
        bulk.getByLabel("Team").fill("south");
        // the reason is mandatory: without it nothing is sent
        bulk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reassign")).click();
        assertThat(bulk.locator("input[name=reason]:invalid")).hasCount(1);
        assertThat(ComplaintData.asStaff("sam", first).getString("assignee")).isEqualTo("agnes");
        bulk.getByLabel("Reason").fill("North team at a training day");
        screenshot("complaint-bulk-reassign");
        bulk.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reassign")).click();
        assertThat(status()).hasText("Complaints reassigned: 2.");
        for (UUID id : List.of(first, second)) {
            JsonPath moved = ComplaintData.asStaff("sam", id);
            assertThat(moved.getString("assignee")).isEqualTo("ted");
            assertThat(moved.getString("team")).isEqualTo("south");
            assertThat(moved.getList("history.reason", String.class)).contains("North team at a training day");
        }

        page.locator("complaint-queue tr[data-id='" + first + "'] a").click();
        page.waitForURL(CONSOLE + "complaints/" + first);
        Locator oversight = page.locator("complaint-page section.oversight");
        Locator override = oversight.locator("form.override");
        override.getByLabel("Priority").selectOption("URGENT");
        override.getByLabel("Reason").fill("Press enquiry");
        override.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Override")).click();
        assertThat(status()).hasText("Override recorded.");
        assertThat(page.locator("complaint-page dd.priority")).hasText("Urgent");

        // resolved, then reopened by the supervisor, with his reason in the history
        Locator statusForm = page.locator("complaint-page form.change-status");
        statusForm.getByLabel("New status").selectOption("RESOLVED");
        statusForm.getByRole(AriaRole.BUTTON).click();
        assertThat(status()).hasText("Status changed to Resolved.");
        Locator reopen = oversight.locator("form.reopen");
        reopen.getByLabel("Reason").fill("Customer called back unhappy");
        reopen.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Reopen")).click();
        assertThat(status()).hasText("Complaint reopened.");
        assertThat(page.locator("complaint-page .complaint-status")).hasText("In progress");
        assertThat(page.locator("complaint-page table.history")).containsText("Customer called back unhappy");
        screenshot("complaint-supervision");

        JsonPath reopened = ComplaintData.asStaff("sam", first);
        assertThat(reopened.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(reopened.getString("priority")).isEqualTo("URGENT");
        assertThat(reopened.getList("history.reason", String.class)).contains("Press enquiry", "Customer called back unhappy");
    }

    @Test
    void confirmsAnIncidentAndChecksTheMonthsDraw() {
        // a report of this hour at a place of the test's own opens an incident of its own
        UUID incident = networkReport(Instant.now().minus(Duration.ofHours(1)));
        // and one of last month, confirmed by staff, makes alice eligible for last month's draw
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        UUID lastMonths = networkReport(lastMonth.atEndOfMonth().atTime(12, 0).toInstant(ZoneOffset.UTC));
        ComplaintData.staff("sam").post(ComplaintData.STAFF_API + "/incidents/" + lastMonths + "/confirm")
                .then().statusCode(200);

        signIn("sam");
        page.waitForURL(CONSOLE + "complaints/queue");
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Network incidents")).click();
        page.waitForURL(CONSOLE + "complaints/incidents");
        Locator row = page.locator("complaint-incidents tr[data-id='" + incident + "']");
        row.getByRole(AriaRole.BUTTON).click();
        Locator detail = page.locator("complaint-incidents section.incident");
        assertThat(detail.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2))).isFocused();
        assertThat(detail).containsText("Reports: 1 · customers reporting: 1");
        assertThat(detail.locator("table.reports")).containsText("C-1001");
        button("Confirm the incident").click();
        assertThat(status()).hasText("Incident confirmed.");
        assertThat(detail.locator(".incident-status")).hasText("Confirmed");
        screenshot("complaint-incidents");
        JsonPath confirmed = ComplaintData.staff("sam").get(ComplaintData.STAFF_API + "/incidents/" + incident)
                .then().statusCode(200).extract().jsonPath();
        assertThat(confirmed.getString("status")).isEqualTo("CONFIRMED");
        assertThat(confirmed.getString("confirmedBy")).isEqualTo("sam");

        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Monthly draw")).click();
        page.waitForURL(CONSOLE + "complaints/draw");
        // last month is shown first; a month is drawn once, and the end-to-end database keeps it from run to run
        Locator run = button("Run the draw for " + lastMonth);
        Locator draw = page.locator("complaint-draw section.draw");
        assertThat(run.or(draw)).isVisible();
        if (run.isVisible()) {
            run.click();
            assertThat(status()).hasText("The draw for " + lastMonth + " is done.");
        }
        JsonPath published = ComplaintData.staff("sam").get(ComplaintData.STAFF_API + "/draws/" + lastMonth)
                .then().statusCode(200).extract().jsonPath();
        assertThat(draw.locator("code.seed").first()).hasText(published.getString("seed"));
        assertThat(draw.locator("table.winners tbody tr")).hasCount(published.getList("winners").size());

        button("Verify the winners").click();
        assertThat(status()).hasText("Verified: the winners follow from the seed and the eligible list.");
        assertThat(draw.locator(".check-digest")).hasText("The eligible list's digest matches.");
        assertThat(draw.locator(".check-winners")).hasText(
                "All the winners match, in order (" + published.getList("winners").size() + ").");
        screenshot("complaint-draw");
    }

    /** Alice reports no signal at a random place; the incident the report joined. */
    private static UUID networkReport(Instant occurredAt) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Object> report = Map.of("kind", "NO_SIGNAL", "latitude", random.nextDouble(-60, 60),
                "longitude", random.nextDouble(-170, 170), "area", "e2e " + LocalDate.now(), "occurredAt", occurredAt.toString());
        return UUID.fromString(ComplaintData.customer("alice").body(report)
                .post(GATEWAY + "/api/v1/me/network-reports").then().statusCode(201).extract().path("incidentId"));
    }

    /** The queue of the given scope, searched: the rows found. */
    private Locator findInQueue(String scope, String query) {
        page.getByLabel("Queue").selectOption(scope);
        page.getByLabel("Reference, subject or customer").fill(query);
        button("Show").click();
        return page.locator("complaint-queue tbody tr");
    }
}
