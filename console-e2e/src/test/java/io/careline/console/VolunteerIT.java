package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.careline.testing.KeycloakTokens;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Victor, a volunteer, logs a visit to a person assigned to him, and joins a group activity; he sees no coordinator screen. */
class VolunteerIT extends BrowserTest {

    private String person;
    private UUID beneficiary;
    private UUID victor;

    @BeforeEach
    void aPersonInVictorsCare() {
        victor = CareData.volunteerSigningInAs("victor");
        person = CareData.unique("Person");
        beneficiary = CareData.proposedBeneficiary(person, LocalDate.now().minusYears(70), "north", "de");
        CareData.consent(beneficiary);
        CareData.makeRoom(victor, beneficiary);
        CareData.assign(beneficiary, victor);
    }

    /** Victor's capacity is the demo's: the journey's person leaves his care again. */
    @AfterEach
    void endTheCare() {
        if (beneficiary != null) {
            CareData.endCare(beneficiary);
        }
    }

    @Test
    void logsAVisit() {
        signIn("victor");
        // a volunteer's home: the people assigned to him
        page.waitForURL(CONSOLE + "care/people");
        assertThat(nav().getByRole(AriaRole.LINK)).hasText(new String[] {"My people", "Group activities", "Who am I"});
        screenshot("care-my-people");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open " + person).setExact(true)).click();
        Locator detail = page.locator("care-people section.detail");
        assertThat(detail.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2))).isFocused();

        // yesterday 10:30 on the staff member's clock (Shanghai): the API must get 02:30 UTC
        LocalDateTime when = LocalDate.now(ZoneId.of(TIMEZONE)).minusDays(1).atTime(LocalTime.of(10, 30));
        String notes = CareData.unique("walked to the park");
        detail.getByLabel("What").selectOption("VISIT");
        detail.getByLabel("When").fill(when.toString());
        detail.getByLabel("Minutes").fill("45");
        detail.getByLabel("Notes").fill(notes);
        detail.getByLabel("Needs found").fill("help with the pharmacy forms");
        screenshot("care-log-visit");
        detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Log it")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Visit with " + person + " logged.");
        Locator logged = detail.locator("table.activities tbody tr").first();
        assertThat(logged.locator("td").nth(3)).hasText(notes);
        String expected = when.atZone(ZoneId.of(TIMEZONE)).toInstant().toString();
        assertThat(logged.locator("time")).hasAttribute("datetime", expected);

        List<Map<String, Object>> activities = CareData.get("victor", "/beneficiaries/" + beneficiary + "/activities")
                .getList("items");
        assertThat(activities).hasSize(1);
        assertThat(activities.get(0)).containsEntry("kind", "VISIT").containsEntry("occurredAt", expected)
                .containsEntry("durationMinutes", 45).containsEntry("notes", notes)
                .containsEntry("volunteerId", victor.toString());
        screenshot("care-visit-logged");
    }

    @Test
    void joinsAGroupActivity() {
        String title = CareData.unique("Walk");
        UUID activity = CareData.groupActivity(title, "north");
        signIn("victor");
        page.waitForURL(CONSOLE + "care/people");
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Group activities")).click();
        page.waitForURL(CONSOLE + "care/groups");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign me up for " + title).setExact(true)).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("You are signed up for " + title + ".");
        screenshot("care-groups-volunteer");

        List<String> signedUp = CareData.get("victor", "/group-activities/" + activity).getList("signUps.volunteerId");
        assertThat(signedUp).containsExactly(victor.toString());
    }

    @Test
    void seesNoCoordinatorScreen() {
        signIn("victor");
        page.waitForURL(CONSOLE + "care/people");
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Beneficiaries and matching")))
                .hasCount(0);

        // typed in by hand, the coordinator's screens stay shut
        for (String screen : List.of("care/beneficiaries", "care/statistics")) {
            page.navigate(CONSOLE + screen);
            page.waitForURL(CONSOLE + screen);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Not available to you");
        }
        assertThat(page.locator("care-beneficiaries, care-statistics")).hasCount(0);
        screenshot("care-coordinator-screen-refused");

        // and the API refuses him if he forces the calls
        String token = KeycloakTokens.local().staff("victor");
        given().auth().oauth2(token).when().get(CareData.CARE + "/beneficiaries/" + beneficiary + "/matches")
                .then().statusCode(403).contentType(containsString("application/problem+json"));
        given().auth().oauth2(token).when().get(CareData.CARE + "/reports/programme?from=2026-01-01&to=2026-01-31")
                .then().statusCode(403);
    }
}
