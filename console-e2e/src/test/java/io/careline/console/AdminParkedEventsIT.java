package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;

/** Ada, an admin, works through the complaint service's parked outbox events. */
class AdminParkedEventsIT extends BrowserTest {

    /** 08:30 UTC is 16:30 in Shanghai, the browser's timezone here. */
    private static final Instant OCCURRED = Instant.parse("2026-01-15T08:30:00Z");

    private ParkedOutbox outbox;
    private ParkedOutbox.Parked event;

    @BeforeEach
    void parkAnEvent() {
        outbox = new ParkedOutbox();
        event = outbox.park(OCCURRED);
    }

    @AfterEach
    void giveItUp() throws Exception {
        outbox.discard(event.id()); // a retried event would otherwise fail against its missing topic and park again
        outbox.close();
    }

    @Test
    void retriesAParkedEventAndSeesItLeaveTheList() {
        signIn("ada");
        // an admin's home is the first screen of the navigation: complaint's parked events
        page.waitForURL(CONSOLE + "parked/complaint");
        Locator row = row();
        assertThat(row).isVisible();
        assertThat(row.locator("time").first()).hasAttribute("datetime", "2026-01-15T08:30:00Z");
        assertThat(row.locator("time").first()).hasText("Jan 15, 2026, 4:30:00 PM");
        assertThat(page.getByText("Times are shown in " + TIMEZONE)).isVisible();
        screenshot("parked-events");

        button("Retry event " + event.position()).click();

        assertThat(row).hasCount(0);
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Event " + event.position() + " will be sent again.");
        assertThat(outbox.isParked(event.id())).as("parked after the retry").isFalse();
    }

    @Test
    void discardsOnlyAfterConfirming() {
        signIn("ada");
        page.waitForURL(CONSOLE + "parked/complaint");

        // from the keyboard: the confirmation takes the focus, Escape cancels it
        button("Discard event " + event.position()).focus();
        page.keyboard().press("Enter");
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).isVisible();
        assertThat(dialog.getByRole(AriaRole.HEADING)).hasText("Discard event " + event.position() + "?");
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel"))).isFocused();
        screenshot("parked-events-discard");
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(row()).isVisible();
        assertThat(outbox.discardedBy(event.id())).isEmpty();

        button("Discard event " + event.position()).click();
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Discard it")).click();

        assertThat(row()).hasCount(0);
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Event " + event.position() + " was discarded.");
        assertThat(outbox.discardedBy(event.id())).contains("ada");
    }

    @Test
    void showsTheProblemTheServiceAnswers() {
        signIn("ada");
        page.waitForURL(CONSOLE + "parked/complaint");
        assertThat(row()).isVisible();
        outbox.discard(event.id()); // another admin was quicker

        button("Retry event " + event.position()).click();

        Locator alert = page.getByRole(AriaRole.ALERT);
        assertThat(alert).containsText("Not Found");
        assertThat(alert).containsText("no parked outbox event " + event.id());
        assertThat(alert).containsText("HTTP status 404");
        assertThat(alert).containsText(Pattern.compile("Request id: [0-9a-f-]{36}"));
    }

    private Locator row() {
        return page.locator("tr[data-id='" + event.id() + "']");
    }
}
