package io.careline.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.careline.testing.KeycloakTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Care staff on the customer service's staff API: an agent finds a customer by name, phone, e-mail and the partner's
 * external id, reads their profile and consents, and cancels a subscription on the customer's behalf; an admin's
 * erasure is refused under a legal hold with the service's words, and goes ahead once the hold is lifted.
 */
class CustomerCareIT extends BrowserTest {

    private static final String CUSTOMERS = GATEWAY + "/api/v1/customers";
    private static final String PARTNER_CUSTOMERS = GATEWAY + "/api/partner/v1/customers/";
    private static final String MY_SUBSCRIPTIONS = GATEWAY + "/api/v1/me/subscriptions";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();
    // a product carol is the only one to subscribe to in the console's journeys
    private static final String PRODUCT = "market-prices";

    /** A customer the partner acme registered under an external id of its own, with contacts it vouched for. */
    private record Made(String id, String familyName, String email, String phone, String externalId) {
    }

    private static Made partnerCustomer() {
        String family = CareData.unique("Quill");
        String email = family.toLowerCase() + "@example.org";
        String phone = "+49151" + ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000);
        String externalId = CareData.unique("acme");
        String id = given().auth().oauth2(TOKENS.partner()).contentType(ContentType.JSON)
                .body(Map.of("givenName", "Zoe", "familyName", family, "region", "Berlin", "timezone", "Europe/Berlin",
                        "emails", List.of(Map.of("address", email, "verified", true)),
                        "phones", List.of(Map.of("number", phone, "verified", true))))
                .put(PARTNER_CUSTOMERS + externalId).then().statusCode(oneOf(200, 201)).extract().path("customerId");
        return new Made(id, family, email, phone, externalId);
    }

    @Test
    void anAgentFindsACustomerAndCancelsASubscriptionForThem() {
        Made zoe = partnerCustomer();
        // consents an agent recorded on the phone: given, then withdrawn
        for (boolean granted : new boolean[] {true, false}) {
            ComplaintData.staff("agnes").body(Map.of("consents", List.of(Map.of("purpose", "marketing", "channel", "sms",
                    "granted", granted)))).put(CUSTOMERS + "/" + zoe.id() + "/consents").then().statusCode(200);
        }

        signIn("agnes");
        page.waitForURL(CONSOLE + "complaints/queue");
        nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Customer search")).click();
        page.waitForURL(CONSOLE + "customers");
        assertThat(heading()).hasText("Customers");
        Locator query = page.getByLabel("Name, e-mail, phone, external id or customer id");
        Locator rows = page.locator("customer-search tbody tr");
        // part of a name (any case), the exact e-mail, phone and the partner's own id each find her, and only her
        for (String q : List.of(zoe.familyName().substring(0, 10).toLowerCase(), zoe.email(), zoe.phone(), zoe.externalId())) {
            query.fill(q);
            button("Search").click();
            assertThat(rows).hasCount(1);
            assertThat(rows.locator("th")).hasText(zoe.id());
        }
        // what was searched for stays out of the console's address
        assertThat(page).hasURL(CONSOLE + "customers");
        screenshot("customer-search");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Open Zoe " + zoe.familyName())).click();
        page.waitForURL(CONSOLE + "customers/" + zoe.id());
        assertThat(heading()).hasText("Zoe " + zoe.familyName() + " (" + zoe.id() + ")");
        assertThat(heading()).isFocused();
        Locator profile = page.locator("customer-page dl.facts");
        assertThat(profile).containsText(zoe.email() + " verified");
        assertThat(profile).containsText("acme: " + zoe.externalId());
        Locator consent = page.locator("customer-page table.consents-current tbody tr");
        assertThat(consent).hasCount(1);
        assertThat(consent.locator("th")).hasText("Marketing");
        assertThat(consent.locator("td")).hasCount(4);
        assertThat(consent.locator("td").nth(0)).hasText("SMS");
        assertThat(consent.locator("td").nth(1)).hasText("Withdrawn");
        assertThat(consent.locator("td").nth(2)).hasText("care staff");
        assertThat(page.locator("customer-page table.consents-history tbody tr")).hasCount(2);
        // erasure is an admin's: an agent is not offered it
        assertThat(page.locator("customer-page section.erasure")).hasCount(0);
        screenshot("customer-page");

        // carol asked for a product in the app and calls to cancel it
        String subscription = pendingSubscription("carol");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the search")).click();
        page.waitForURL(CONSOLE + "customers");
        query.fill("C-1003");
        button("Search").click();
        assertThat(rows).hasCount(1);
        rows.getByRole(AriaRole.LINK).click();
        page.waitForURL(CONSOLE + "customers/C-1003");
        Locator row = page.locator("customer-page table.subscriptions tr[data-id='" + subscription + "']");
        assertThat(row.locator(".subscription-status")).hasText("Awaiting the code");
        button("Cancel " + PRODUCT + " for the customer").click();
        assertThat(status()).hasText("Subscription to " + PRODUCT + " cancelled.");
        assertThat(row.locator(".subscription-status")).hasText("Cancelled");
        assertThat(row.locator(".cancel-channel")).hasText("through an agent");
        assertThat(button("Cancel " + PRODUCT + " for the customer")).hasCount(0);
        JsonPath mine = ComplaintData.customer("carol").get(MY_SUBSCRIPTIONS).then().statusCode(200).extract().jsonPath();
        Map<String, Object> cancelled = mine.<Map<String, Object>>getList("items").stream()
                .filter(s -> subscription.equals(s.get("id"))).findFirst().orElseThrow();
        assertThat(cancelled).containsEntry("status", "cancelled").containsEntry("cancelChannel", "agent");
    }

    @Test
    void anAdminsErasureIsRefusedUnderALegalHold() {
        Made zoe = partnerCustomer();
        String reason = CareData.unique("Court order 2026-CV");
        ComplaintData.staff("ada").body(Map.of("active", true, "reason", reason))
                .put(CUSTOMERS + "/" + zoe.id() + "/legal-hold").then().statusCode(200);

        signIn("ada");
        page.navigate(CONSOLE + "customers/" + zoe.id());
        assertThat(heading()).hasText("Zoe " + zoe.familyName() + " (" + zoe.id() + ")");
        assertThat(page.locator("customer-page .legal-hold")).containsText(reason);
        Locator erasure = page.locator("customer-page section.erasure");
        assertThat(erasure.locator(".erasure-status")).hasText("Not requested");
        // the form asks first
        erasure.getByLabel("The customer asked for it and I checked who they are").check();
        button("Erase this customer").click();
        Locator alert = page.locator("customer-page problem-alert [role=alert]");
        assertThat(alert).containsText("a legal hold blocks erasure of this customer (" + reason + "); an admin must lift it first");
        assertThat(alert).containsText("409");
        assertThat(erasure.locator(".erasure-status")).hasText("Not requested");
        screenshot("customer-erasure-refused");

        ComplaintData.staff("ada").body(Map.of("active", false)).put(CUSTOMERS + "/" + zoe.id() + "/legal-hold")
                .then().statusCode(200);
        button("Refresh").click();
        erasure.getByLabel("The customer asked for it and I checked who they are").check();
        button("Erase this customer").click();
        assertThat(status()).hasText("Erasure requested.");
        assertThat(erasure.locator(".erasure-status")).hasText(Pattern.compile("In progress|Complete"));
        assertThat(erasure.locator("table.erasure-services th[scope=row]")).hasText(new String[] {"complaint", "claim-care", "notification"});
        assertThat(ComplaintData.staff("ada").get(CUSTOMERS + "/" + zoe.id()).then().statusCode(200).extract()
                .jsonPath().getBoolean("erased")).isTrue();
    }

    @Test
    void aManagerHasNoCustomerScreens() {
        signIn("mia");
        assertThat(nav().getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Customer search"))).hasCount(0);
        page.navigate(CONSOLE + "customers");
        assertThat(heading()).hasText("Not available to you");
        ComplaintData.staff("mia").get(CUSTOMERS + "?q=C-1003").then().statusCode(403);
    }

    /** The customer asks for the product in the app (cancelling one asked for earlier first): the new request's id. */
    private static String pendingSubscription(String user) {
        // the customer's record is made at their first sign-in to the app
        ComplaintData.customer(user).get(GATEWAY + "/api/v1/me/profile").then().statusCode(200);
        List<Map<String, Object>> earlier = ComplaintData.customer(user).get(MY_SUBSCRIPTIONS + "?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        earlier.stream().filter(s -> PRODUCT.equals(s.get("product")) && List.of("pending", "active").contains(s.get("status")))
                .forEach(s -> ComplaintData.customer(user).delete(MY_SUBSCRIPTIONS + "/" + s.get("id")).then().statusCode(200));
        return ComplaintData.customer(user).body(Map.of("product", PRODUCT)).post(MY_SUBSCRIPTIONS).then().statusCode(201)
                .extract().path("id");
    }
}
