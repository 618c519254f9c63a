package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.ALICE;
import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.agentCreates;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.alice;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.events;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.careline.customer.CustomerTestSupport.stored;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.customer.repository.CustomerRepository;
import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Customers created by agents and partners, searched by staff, and never twice for one verified contact. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class CustomersTest {

    @Inject
    CustomerRepository repository;

    @Test
    void anAgentCreatesACustomerWithAnIdOfThisServiceAndItIsAnnounced() {
        String phone = freshPhone();
        JsonPath created = agentCreates(Map.of("givenName", "Ivan", "familyName", "Petrov", "birthday", "1961-03-08",
                "locale", "ru-RU", "timezone", "Europe/Moscow", "region", "north",
                "phones", List.of(Map.of("number", phone.substring(0, 5) + " " + phone.substring(5), "verified", true)),
                "preferredChannel", "sms"))
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/customers/C-\\d{6,}$"))
                .contentType(ContentType.JSON)
                .extract().jsonPath();
        String id = created.getString("customerId");
        assertThat(id).matches("C-\\d{6,}"); // from careline.customer.ids.first (100001; each test start its own)
        assertThat(created.getString("displayName")).isEqualTo("Ivan Petrov");
        assertThat(created.getString("phones[0].number")).isEqualTo(phone); // stored in E.164
        assertThat(created.getString("createdBy")).isEqualTo("agent:agnes");

        List<JsonNode> announced = events(repository, id, "CustomerProfileChanged");
        assertThat(announced).hasSize(1);
        assertThat(announced.get(0).path("customerId").asText()).isEqualTo(id);
        assertThat(announced.get(0).path("data").path("birthday").asText()).isEqualTo("1961-03-08");
        assertThat(announced.get(0).path("data").path("phones").get(0).path("verified").asBoolean()).isTrue();
    }

    @Test
    void aSecondCustomerWithTheSameVerifiedPhoneIsAConflictNamingTheFieldAndTheHolder() {
        String phone = freshPhone();
        String first = customerWith(phone, freshEmail());

        // the same number written another way is the same phone
        agentCreates(Map.of("displayName", "Duplicate", "phones", List.of(Map.of("number",
                "00" + phone.substring(1, 4) + " (" + phone.substring(4, 7) + ") " + phone.substring(7), "verified", true))))
                .statusCode(409)
                .contentType(startsWith(PROBLEM))
                .body("type", equalTo("https://careline.io/problems/contact-taken"))
                .body("errors[0].field", equalTo("phones"))
                .body("detail", containsString(first));

        // an unverified copy is no claim on the number, so it does not block
        agentCreates(Map.of("displayName", "Shares a phone", "phones", List.of(Map.of("number", phone, "verified", false))))
                .statusCode(201);
        assertThat(given().auth().oauth2(agnes()).queryParam("q", phone).when().get("/api/v1/customers")
                .then().statusCode(200).extract().jsonPath().getInt("total")).isEqualTo(2);
    }

    @Test
    void aVerifiedEMailOfACustomerWhoSignedInCannotBeClaimedAgain() {
        given().auth().oauth2(alice()).when().get("/api/v1/me/profile").then().statusCode(200)
                .body("emails[0].verified", equalTo(true));

        agentCreates(Map.of("displayName", "Not Alice", "emails", List.of(Map.of("address", "ALICE@demo.careline.test",
                "verified", true))))
                .statusCode(409)
                .body("errors[0].field", equalTo("emails"))
                .body("detail", containsString(ALICE));
    }

    @Test
    void aPartnerMeetingAVerifiedContactOfAnotherCustomerIsToldNotWhoHoldsIt() {
        String email = freshEmail();
        String holder = customerWith(freshPhone(), email);

        given().auth().oauth2(KeycloakTokens.local().partner()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Probe", "emails", List.of(Map.of("address", email, "verified", true))))
                .when().put("/api/partner/v1/customers/PROBE-1")
                .then().statusCode(409)
                .body("errors[0].field", equalTo("emails"))
                .body("detail", org.hamcrest.Matchers.not(containsString(holder)));
        assertThat(stored(repository, holder).partners).isEmpty();
    }

    @Test
    void agentsFindCustomersByNamePhoneEMailExternalIdOrIdPageByPage() {
        String phone = freshPhone();
        String email = freshEmail();
        String surname = "Zyx" + phone.substring(6);
        String id = agentCreates(Map.of("givenName", "Olga", "familyName", surname,
                "phones", List.of(Map.of("number", phone, "verified", true)),
                "emails", List.of(Map.of("address", email, "verified", false))))
                .statusCode(201).extract().path("customerId");
        agentCreates(Map.of("givenName", "Oleg", "familyName", surname)).statusCode(201);
        given().auth().oauth2(KeycloakTokens.local().partner()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Partner's", "familyName", surname))
                .when().put("/api/partner/v1/customers/EXT-" + surname).then().statusCode(201);

        assertThat(search(surname.toLowerCase(), 0, 10).getInt("total")).isEqualTo(3);
        JsonPath firstPage = search(surname, 0, 2);
        assertThat(firstPage.getList("items")).hasSize(2);
        assertThat(search(surname, 1, 2).getList("items")).hasSize(1);
        assertThat(search(phone.substring(0, 3) + " " + phone.substring(3), 0, 10).getList("items.customerId")).containsExactly(id);
        assertThat(search(email.toUpperCase(), 0, 10).getList("items.customerId")).containsExactly(id);
        assertThat(search(id.toLowerCase(), 0, 10).getList("items.customerId")).containsExactly(id);
        assertThat(search("EXT-" + surname, 0, 10).getList("items.displayName")).containsExactly("Partner's");
        assertThat(search("a.*", 0, 10).getInt("total")).isZero(); // q is text, not a pattern

        given().auth().oauth2(agnes()).queryParam("size", 101).when().get("/api/v1/customers")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void badProfilesAreRefusedNamingTheField() {
        agentCreates(Map.of("displayName", "Bad zone", "timezone", "Mars/Olympus")).statusCode(400)
                .contentType(startsWith(PROBLEM)).body("errors[0].field", equalTo("timezone"));
        agentCreates(Map.of("displayName", "Bad phone", "phones", List.of(Map.of("number", "12345", "verified", true))))
                .statusCode(400).body("errors[0].field", equalTo("number"));
        agentCreates(Map.of("displayName", "Future", "birthday", "2999-01-01")).statusCode(400)
                .body("errors[0].field", equalTo("birthday"));
        agentCreates(Map.of("region", "north")).statusCode(400).body("errors[0].field", equalTo("displayName"));
        agentCreates(Map.of("displayName", "Orphan", "household", List.of(Map.of("customerId", "C-999999", "role", "guardian"))))
                .statusCode(400).body("errors[0].field", equalTo("household"));
        agentCreates(Map.of("displayName", "X", "customerId", "C-1")).statusCode(400)
                .body("errors[0].field", equalTo("customerId"));
        // found by the gateway's bad-input corpus: a region was any text, and text took numbers and control characters
        agentCreates(Map.of("displayName", "Attack", "region", "' OR '1'='1")).statusCode(400)
                .body("errors[0].field", equalTo("region"));
        agentCreates(Map.of("displayName", "Nul \u0000 in it")).statusCode(400)
                .body("errors[0].field", equalTo("displayName"))
                .body("errors[0].message", equalTo("must not contain control characters"));
        agentCreates(Map.of("displayName", 12345)).statusCode(400).body("errors[0].field", equalTo("displayName"));
    }

    @Test
    void aMinorIsLinkedToTheirGuardian() {
        String guardian = customerWith(freshPhone(), freshEmail());
        String minor = agentCreates(Map.of("givenName", "Little", "familyName", "One", "birthday", "2015-06-01",
                "household", List.of(Map.of("customerId", guardian, "role", "guardian"))))
                .statusCode(201).extract().path("customerId");

        given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + minor).then().statusCode(200)
                .body("household[0].customerId", equalTo(guardian))
                .body("household[0].role", equalTo("guardian"));
    }

    private static JsonPath search(String q, int page, int size) {
        return given().auth().oauth2(agnes()).queryParam("q", q).queryParam("page", page).queryParam("size", size)
                .when().get("/api/v1/customers").then().statusCode(200).extract().jsonPath();
    }
}
