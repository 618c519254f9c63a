package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cora, a coordinator, takes a child proposed after payment into care: the guardian's consent, the ranking with its
 * reasons, an assignment refused until she names the safeguarding, then a care plan.
 */
class CoordinatorIT extends BrowserTest {

    private String region;
    private String person;
    private UUID beneficiary;
    private String volunteerName;
    private UUID volunteer;

    @BeforeEach
    void aProposedPersonAndTwoVolunteers() {
        // a region of the test's own: its volunteers rank first for its person, whatever else the registry holds
        region = CareData.unique("e2e");
        person = CareData.unique("Person");
        volunteerName = CareData.unique("Valentina");
        volunteer = CareData.volunteer(volunteerName, null, region, List.of("fr"), LocalDate.now().plusYears(1));
        beneficiary = CareData.proposedBeneficiary(person, LocalDate.now().minusYears(9), region, "fr");
    }

    @Test
    void assignsAVolunteer() {
        signIn("cora");
        // a coordinator's home is the first screen of the navigation: the beneficiaries
        page.waitForURL(CONSOLE + "care/beneficiaries");
        assertThat(nav().getByRole(AriaRole.LINK)).hasText(new String[] {
                "Beneficiaries and matching", "Group activities", "Programme statistics", "Who am I"});
        Locator row = page.locator("care-beneficiaries table.people tbody tr[data-id='" + beneficiary + "']");
        assertThat(row.locator("td").nth(2)).hasText("Proposed");
        screenshot("care-beneficiaries");

        button("Open " + person).click();
        Locator detail = page.locator("care-beneficiaries section.detail");
        assertThat(detail.getByRole(AriaRole.HEADING, new Locator.GetByRoleOptions().setLevel(2))).isFocused();
        // a minor's consent is a named guardian's: the form offers that first
        assertThat(detail.getByLabel("Given by")).hasValue("GUARDIAN");
        detail.getByLabel("Guardian's name").fill("Grace Guardian");
        detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record consent")).click();
        assertThat(status()).hasText("Consent recorded for " + person + ".");
        assertThat(detail.locator(".person-status")).hasText("Consented");

        // ranked with the reasons: the test's volunteer lives in the person's region and speaks their language
        Locator first = detail.locator("table.matches tbody tr").first();
        assertThat(first.locator("th")).containsText(volunteerName);
        assertThat(first.locator("ul.reasons li")).containsText(new String[] {"same region (" + region + ")", "speaks fr"});
        screenshot("care-matching");

        // without safeguarding the service refuses a minor's assignment, and the console shows its problem
        button("Assign " + volunteerName).click();
        Locator problem = page.locator("care-beneficiaries problem-alert [role=alert]");
        assertThat(problem).containsText("Field safeguarding: is required for a minor");
        assertThat(problem).containsText("HTTP status 422");
        screenshot("care-assignment-refused");
        assertThat(CareData.get("cora", "/beneficiaries/" + beneficiary).getString("status")).isEqualTo("CONSENTED");

        detail.getByLabel("Safeguarding").selectOption("GUARDIAN_PRESENT");
        button("Assign " + volunteerName).click();
        assertThat(status()).hasText(volunteerName + " now cares for " + person + ".");
        assertThat(detail.locator(".person-status")).hasText("In care");
        assertThat(problem).hasCount(0);

        JsonPath cared = CareData.get("cora", "/beneficiaries/" + beneficiary);
        assertThat(cared.getString("status")).isEqualTo("IN_CARE");
        assertThat(cared.getString("careStartedAt")).isNotNull();
        assertThat(cared.getString("safeguarding")).isEqualTo("GUARDIAN_PRESENT");
        JsonPath ranked = CareData.get("cora", "/beneficiaries/" + beneficiary + "/matches");
        assertThat(ranked.getList("items.findAll { it.volunteerId == '" + volunteer + "' }.caresFor")).containsExactly(1);

        // the care plan: a visit every 14 days
        Locator days = detail.getByLabel("Days between visits");
        days.fill("14");
        days.press("Enter");
        assertThat(status()).hasText("Visits every 14 days.");
        assertThat(detail.locator("p.plan")).containsText("A visit every 14 days");
        assertThat(CareData.get("cora", "/beneficiaries/" + beneficiary + "/plan").getInt("cadenceDays")).isEqualTo(14);
        screenshot("care-in-care");
    }

    @Test
    void seesGroupActivitiesAndTheProgrammeStatistics() {
        String title = CareData.unique("Walk");
        UUID activity = CareData.groupActivity(title, region);
        // two volunteers sign up; one of them comes
        UUID came = CareData.volunteer(CareData.unique("Came"), null, region, List.of("fr"), LocalDate.now().plusYears(1));
        UUID stayedAway = CareData.volunteer(CareData.unique("Away"), null, region, List.of("fr"), LocalDate.now().plusYears(1));
        String cameSignUp = CareData.signUp(activity, came);
        CareData.signUp(activity, stayedAway);
        signIn("cora");
        page.waitForURL(CONSOLE + "care/beneficiaries");

        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Group activities")).click();
        page.waitForURL(CONSOLE + "care/groups");
        button("Open " + title).click();
        Locator detail = page.locator("care-groups section.group");
        assertThat(detail).containsText("2 of 10 places taken");
        detail.getByLabel("Sign-up " + cameSignUp.substring(0, 8) + " came").check();
        screenshot("care-groups");
        detail.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record attendance")).click();
        assertThat(status()).hasText("1 came to " + title + ".");
        assertThat(detail).containsText("attendance recorded");

        List<Map<String, Object>> signUps = CareData.get("cora", "/group-activities/" + activity).getList("signUps");
        assertThat(signUps).extracting(s -> s.get("volunteerId"), s -> s.get("attended")).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(came.toString(), true),
                org.assertj.core.groups.Tuple.tuple(stayedAway.toString(), false));

        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Programme statistics")).click();
        page.waitForURL(CONSOLE + "care/statistics");
        JsonPath figures = CareData.get("cora", "/reports/programme?from=" + LocalDate.now().minusDays(89) + "&to=" + LocalDate.now());
        Locator inCare = page.locator("care-statistics .card").filter(new Locator.FilterOptions().setHasText("People in care"));
        assertThat(inCare.locator(".figure")).hasText(String.format(Locale.US, "%,d", figures.getLong("people.inCare")));
        assertThat(page.locator("care-statistics dl.chart .bar").first()).isVisible();
        screenshot("care-statistics");
    }
}
