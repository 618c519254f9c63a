package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Supervisors' and managers' SLA screens. A policy of the test's own gives kiosk complaints about a device, of low
 * priority, one minute to the first reply, so that its warning (45 s), breach (1 min) and escalation (2 min) happen
 * while the test runs; the rest of the platform's complaints never match it.
 */
class SlaIT extends BrowserTest {

    private static final String SLA = ComplaintData.STAFF_API + "/sla";
    private static final String POLICY = "e2e-console-one-minute";
    /** The escalation fires at twice the one-minute target; the SLA timers run every second. */
    private static final Duration ESCALATION_WAIT = Duration.ofMinutes(4);

    @BeforeAll
    static void oneMinutePolicy() {
        ComplaintData.staff("ada").body(Map.of("name", "Console e2e: kiosk device complaints, one minute to reply",
                        "category", "DEVICE", "priority", "LOW", "channel", "KIOSK",
                        "firstReplyTarget", "PT1M", "resolutionTarget", "PT240H"))
                .put(SLA + "/policies/" + POLICY).then().statusCode(200);
    }

    @Test
    void aSupervisorSeesTheBreachItsEscalationAndTheMonthsReport() throws IOException {
        Instant start = Instant.now().minusSeconds(5);
        String subject = CareData.unique("Kiosk screen frozen");
        JsonPath filed = ComplaintData.staff("agnes").header("Idempotency-Key", CareData.unique("e2e"))
                .body(Map.of("customerId", "C-1002", "channel", "kiosk", "category", "DEVICE", "priority", "LOW",
                        "subject", subject, "description", "The shop kiosk froze while printing the contract."))
                .post(ComplaintData.STAFF_API).then().statusCode(201).extract().jsonPath();
        UUID id = UUID.fromString(filed.getString("id"));
        String reference = filed.getString("reference");
        assertThat(Duration.between(Instant.parse(filed.getString("receivedAt")), Instant.parse(filed.getString("firstReplyDueAt"))))
                .as("the test's one-minute policy applies").isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
        ComplaintData.assign(id, "agnes", "north");
        awaitLedger(id, "ESCALATED", start);

        signIn("sam");
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("SLA alerts")).click();
        page.waitForURL(CONSOLE + "complaints/sla");
        assertThat(heading()).hasText("SLA alerts");
        // past its target now, the time overdue ticking
        Locator breached = page.locator("complaint-sla table.breached tr[data-id='" + id + "']");
        assertThat(breached.locator("th")).hasText(reference);
        assertThat(breached).containsText("agnes");
        Locator overdue = breached.locator("sla-countdown time");
        assertThat(overdue).containsText("Overdue by ");
        String before = overdue.innerText();
        assertThat(overdue).not().hasText(before);
        // the ledger's alerts for it: the warning, the breach (to the supervisors), the escalation (to the managers)
        Locator alerts = page.locator("complaint-sla table.alerts tr[data-complaint='" + id + "']");
        assertThat(alerts).hasCount(3);
        assertThat(alerts.nth(0).locator("th")).hasText(Pattern.compile("Escalated\\s*first reply · escalated to Manager"));
        assertThat(alerts.nth(1).locator("th")).hasText(Pattern.compile("Breached\\s*first reply · escalated to Supervisor"));
        assertThat(alerts.nth(2).locator("th")).hasText(Pattern.compile("Warning\\s*first reply"));
        assertThat(alerts.nth(0).getByRole(AriaRole.LINK)).hasText(reference);
        screenshot("sla-alerts");

        // the reply comes late; the month's report says by how much
        ComplaintData.staff("agnes").body(Map.of("body", "Sorry for the wait: a technician is on the way."))
                .post(ComplaintData.STAFF_API + "/" + id + "/replies").then().statusCode(201);
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("SLA compliance")).click();
        page.waitForURL(CONSOLE + "complaints/sla-report");
        String month = YearMonth.now(ZoneOffset.UTC).toString();
        assertThat(page.getByLabel("Month")).hasValue(month);
        Locator late = page.locator("complaint-sla-report table.late tr[data-id='" + id + "']");
        assertThat(late.locator("th")).hasText(reference);
        long lateBy = lateBySeconds(month, id);
        assertThat(lateBy).isPositive();
        assertThat(late.locator("td").nth(2)).hasText(Pattern.compile("(\\d+ h )?\\d+ min \\d{2} s"));
        assertThat(page.locator("complaint-sla-report table.figures tr[data-scope='team'][data-name='north']")).isVisible();
        assertThat(page.locator("complaint-sla-report dl.chart.late dt", new Page.LocatorOptions()
                .setHasText(reference))).isVisible();

        Download download = page.waitForDownload(() -> button("Download CSV").click());
        assertThat(download.suggestedFilename()).isEqualTo("sla-" + month + ".csv");
        List<String> csv = Files.readAllLines(download.path());
        assertThat(csv.get(0)).startsWith("row,scope,name,received,replied");
        assertThat(csv).anyMatch(line -> line.startsWith("late,overall,") && line.contains(id + "," + reference + ","));
        assertThat(status()).hasText("Saved sla-" + month + ".csv.");

        button("Verify the ledger").click();
        assertThat(page.locator("complaint-sla-report .verification")).hasText(Pattern.compile("Intact: [\\d,]+ entries, the last is number [\\d,]+\\."));
        assertThat(status()).hasText("Ledger verified.");
        screenshot("sla-compliance");
    }

    @Test
    void aManagerReadsTheReportButTheLedgerVerificationIsNotTheirs() {
        signIn("mia");
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("SLA alerts"))).isVisible();
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("SLA compliance")).click();
        page.waitForURL(CONSOLE + "complaints/sla-report");
        assertThat(page.locator("complaint-sla-report .cards.overall")).isVisible();
        assertThat(button("Verify the ledger")).hasCount(0);
        // the API refuses it too
        ComplaintData.staff("mia").get(SLA + "/ledger/verify").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anAgentHasNoSlaScreens() {
        signIn("agnes");
        page.waitForURL(CONSOLE + "complaints/queue");
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("SLA alerts"))).hasCount(0);
        page.navigate(CONSOLE + "complaints/sla-report");
        assertThat(heading()).hasText("Not available to you");
        ComplaintData.staff("agnes").get(SLA + "/reports/" + YearMonth.now(ZoneOffset.UTC)).then().statusCode(403);
    }

    /** Waits until the clock's ledger records the stage (the SLA timers fire it at its instant, within a second). */
    private static void awaitLedger(UUID complaint, String type, Instant from) {
        Instant deadline = Instant.now().plus(ESCALATION_WAIT);
        while (!ledgerHas(complaint, type, from)) {
            assertThat(Instant.now()).as("the SLA ledger records %s for %s", type, complaint).isBefore(deadline);
            sleep(Duration.ofSeconds(2));
        }
    }

    private static boolean ledgerHas(UUID complaint, String type, Instant from) {
        JsonPath page = ComplaintData.staff("sam").queryParam("from", from.toString()).queryParam("size", 100)
                .get(SLA + "/ledger").then().statusCode(200).extract().jsonPath();
        int pages = (page.getInt("total") + 99) / 100;
        for (int p = 0; p < pages; p++) {
            JsonPath entries = p == 0 ? page : ComplaintData.staff("sam").queryParam("from", from.toString())
                    .queryParam("size", 100).queryParam("page", p).get(SLA + "/ledger").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = entries.getList("items");
            if (items.stream().anyMatch(e -> type.equals(e.get("type"))
                    && String.valueOf(e.get("payload")).contains("\"complaintId\":\"" + complaint + "\""))) {
                return true;
            }
        }
        return false;
    }

    private static long lateBySeconds(String month, UUID complaint) {
        List<Map<String, Object>> late = ComplaintData.staff("sam").get(SLA + "/reports/" + month).then().statusCode(200)
                .extract().jsonPath().getList("overall.late");
        return late.stream().filter(l -> complaint.toString().equals(l.get("complaintId")))
                .map(l -> ((Number) l.get("lateBySeconds")).longValue()).findFirst().orElseThrow();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
