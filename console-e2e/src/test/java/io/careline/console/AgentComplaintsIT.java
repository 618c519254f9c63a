package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Agnes, an agent of team north, works complaints: her queue with its live SLA clocks, a reply, a note, a caller's complaint. */
class AgentComplaintsIT extends BrowserTest {

    // how the console writes a time for the en-US browser in Shanghai (Intl medium date and time)
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("MMM d, yyyy, h:mm:ss a", Locale.US)
            .withZone(ZoneId.of(TIMEZONE));

    @Test
    void repliesToAComplaintAndTheCustomerGetsIt() {
        String subject = CareData.unique("Charged twice");
        JsonPath filed = ComplaintData.billingComplaint("alice", subject, "45.00");
        UUID id = UUID.fromString(filed.getString("id"));
        String reference = filed.getString("reference");
        ComplaintData.assign(id, "agnes", "north");

        signIn("agnes");
        // an agent's home is her queue: what is assigned to her, most urgent first
        page.waitForURL(CONSOLE + "complaints/queue");
        assertThat(nav().getByRole(AriaRole.LINK)).hasText(new String[] {"Complaint queue", "File a complaint", "Customer search", "Who am I"});
        Locator row = page.locator("complaint-queue tr[data-id='" + id + "']");
        assertThat(row.locator("th")).hasText(reference);
        // the first reply's target, in her timezone, and the time left to it, ticking every second
        Locator countdown = row.locator("sla-countdown time");
        assertThat(row).containsText("First reply");
        assertThat(row).containsText("due " + SHOWN.format(Instant.parse(filed.getString("firstReplyDueAt"))));
        assertThat(countdown).containsText(" left");
        String before = countdown.innerText();
        assertThat(countdown).not().hasText(before);
        screenshot("complaint-queue");

        row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference)).click();
        page.waitForURL(CONSOLE + "complaints/" + id);
        assertThat(heading()).hasText("Complaint " + reference);
        assertThat(heading()).isFocused();
        Locator conversation = page.locator("complaint-page ol.conversation");
        // the acknowledgement sent at filing is the system's, not a person's
        assertThat(conversation.locator("article.automatic .kind")).hasText("Automatic message");

        String reply = "We are sorry: the bundle was billed twice. " + UUID.randomUUID();
        page.getByLabel("Public reply (the customer sees it)").fill(reply);
        // from the keyboard: past the "wait for the customer" box to the button
        page.keyboard().press("Tab");
        assertThat(page.getByLabel("Wait for the customer's answer")).isFocused();
        page.keyboard().press("Tab");
        assertThat(button("Send the reply")).isFocused();
        page.keyboard().press("Enter");
        assertThat(status()).hasText("Reply sent to the customer.");
        Locator replied = conversation.locator("article.reply");
        assertThat(replied.locator(".kind")).hasText("Public reply");
        assertThat(replied.locator("p")).hasText(reply);
        assertThat(page.locator("complaint-page .complaint-status")).hasText("In progress");

        String note = "Billing confirms the duplicate line, ticket BIL-" + UUID.randomUUID();
        page.getByLabel("Internal note", new Page.GetByLabelOptions().setExact(true)).fill(note);
        button("Add the note").click();
        assertThat(status()).hasText("Note added.");
        // a note is told apart in words, not by its colour only
        Locator noted = conversation.locator("article.note");
        assertThat(noted.locator(".kind")).hasText("Internal note");
        assertThat(noted.locator("p")).hasText(note);
        screenshot("complaint-conversation");

        // the customer's side: the reply, never the note
        List<String> bodies = ComplaintData.asCustomer("alice", "/" + id + "/messages").getList("items.body");
        assertThat(bodies).contains(reply).doesNotContain(note);
        assertThat(ComplaintData.asCustomer("alice", "/" + id).getString("status")).isEqualTo("IN_PROGRESS");
        // what the notification service turns into the customer's inbox message: ComplaintReplied, without any text
        List<String> events = ComplaintData.eventsOf(id);
        assertThat(events).anyMatch(e -> e.contains("\"type\": \"ComplaintReplied\""));
        assertThat(events).noneMatch(e -> e.contains(reply) || e.contains(note));
        // and alice's inbox, through the gateway with her token, holds the reply's message (never its text nor the note)
        Map<String, Object> message = ComplaintData.awaitInboxMessage("alice", id, "COMPLAINT_REPLY");
        assertThat(message.get("complaintReference")).isEqualTo(reference);
        assertThat(message.get("title") + " " + message.get("body")).contains(reference).doesNotContain(reply, note);
    }

    @Test
    void filesAComplaintForACallerAndWorksIt() {
        signIn("agnes");
        page.waitForURL(CONSOLE + "complaints/queue");
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("File a complaint")).click();
        page.waitForURL(CONSOLE + "complaints/new");

        String subject = CareData.unique("Roaming at home");
        page.getByLabel("Customer id").fill("C-1002");
        page.getByLabel("Came in by").selectOption("hotline");
        page.getByLabel("Category").selectOption("BILLING");
        page.getByLabel("Subject").fill(subject);
        page.getByLabel("What the customer said").fill("Roaming fees on the October bill while at home.");
        page.getByLabel("Overcharge the customer claims (optional)").fill("12.50");
        screenshot("complaint-new");
        button("File the complaint").click();

        // the new complaint's page: entered by her, by phone, in her team's queue
        page.waitForURL(Pattern.compile(Pattern.quote(CONSOLE) + "complaints/[0-9a-f-]{36}"));
        UUID id = UUID.fromString(page.url().substring(page.url().lastIndexOf('/') + 1));
        assertThat(page.locator("complaint-page dl.facts")).containsText("agent agnes");
        JsonPath filed = ComplaintData.asStaff("agnes", id);
        assertThat(filed.getString("channel")).isEqualTo("HOTLINE");
        assertThat(filed.getString("customerId")).isEqualTo("C-1002");
        assertThat(filed.getString("enteredBy")).isEqualTo("agnes");
        assertThat(filed.getString("team")).isEqualTo("north");
        assertThat(filed.getDouble("claimedOvercharge.amount")).isEqualTo(12.5);

        // a refusal of the service shows next to the field it names
        Locator verify = page.locator("complaint-page form.verify");
        verify.getByLabel("Currency").fill("USD");
        verify.getByLabel("Evidence").fill("Roaming lines 7 to 9");
        button("Verify the overcharge").click();
        Locator currency = verify.getByLabel("Currency");
        assertThat(currency).hasAttribute("aria-invalid", "true");
        assertThat(verify.locator(".field-error")).hasText("must be the claimed overcharge's currency, EUR");
        assertThat(page.locator("complaint-page problem-alert [role=alert]")).containsText("HTTP status 400");

        Locator statusForm = page.locator("complaint-page form.change-status");
        statusForm.getByLabel("New status").selectOption("IN_PROGRESS");
        statusForm.getByRole(AriaRole.BUTTON).click();
        assertThat(status()).hasText("Status changed to In progress.");
        assertThat(ComplaintData.asStaff("agnes", id).getString("status")).isEqualTo("IN_PROGRESS");

        // her team's queue has it
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the queue")).click();
        page.waitForURL(CONSOLE + "complaints/queue");
        page.getByLabel("Queue").selectOption("team");
        page.getByLabel("Reference, subject or customer").fill(subject);
        button("Show").click();
        assertThat(page.locator("complaint-queue tbody tr")).hasCount(1);
        assertThat(page.locator("complaint-queue tr[data-id='" + id + "']")).containsText(subject);
    }
}
