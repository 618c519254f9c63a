package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.PROBLEM;
import static io.careline.customer.CustomerTestSupport.TOKENS;
import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** A partner upserts its customers under its own external ids and reaches no other partner's. */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class PartnerCustomersTest {

    @Test
    void aPartnerCreatesThenUpdatesItsCustomerByExternalId() {
        String email = freshEmail();
        String id = put(TOKENS.partner(), "POL-1001", Map.of("givenName", "Li", "familyName", "Wei", "timezone", "Asia/Shanghai",
                "emails", List.of(Map.of("address", email, "verified", true))))
                .statusCode(201)
                .header("Location", startsWith("http"))
                .body("externalId", equalTo("POL-1001"))
                .body("partners", nullValue()) // a partner never sees other partners' links
                .extract().path("customerId");

        put(TOKENS.partner(), "POL-1001", Map.of("locale", "zh-CN")).statusCode(200)
                .body("customerId", equalTo(id))
                .body("locale", equalTo("zh-CN"))
                .body("givenName", equalTo("Li")) // left out: kept
                .body("emails[0].address", equalTo(email));

        given().auth().oauth2(TOKENS.partner()).when().get("/api/partner/v1/customers/POL-1001")
                .then().statusCode(200).body("customerId", equalTo(id));
        given().auth().oauth2(agnes()).when().get("/api/v1/customers/" + id).then().statusCode(200)
                .body("createdBy", equalTo("partner:acme"))
                .body("partners[0].partnerId", equalTo("acme"))
                .body("partners[0].externalId", equalTo("POL-1001"));
    }

    @Test
    void anotherPartnersCustomerIsNotFoundAndItsExternalIdsAreItsOwn() {
        String acmes = put(TOKENS.partner(), "POL-2002", Map.of("displayName", "Acme's customer")).statusCode(201)
                .extract().path("customerId");

        given().auth().oauth2(TOKENS.otherPartner()).when().get("/api/partner/v1/customers/POL-2002")
                .then().statusCode(404).contentType(startsWith(PROBLEM));
        String globexs = put(TOKENS.otherPartner(), "POL-2002", Map.of("displayName", "Globex's customer")).statusCode(201)
                .extract().path("customerId");

        assertThat(globexs).isNotEqualTo(acmes);
        given().auth().oauth2(TOKENS.partner()).when().get("/api/partner/v1/customers/POL-2002")
                .then().statusCode(200).body("displayName", equalTo("Acme's customer"));
    }

    @Test
    void aBadExternalIdOrAHouseholdIsRefusedNamingTheField() {
        put(TOKENS.partner(), "has space", Map.of("displayName", "X")).statusCode(400).body("errors[0].field", equalTo("externalId"));
        put(TOKENS.partner(), "POL-3003", Map.of("displayName", "X", "household", List.of(Map.of("customerId", "C-1001",
                "role", "guardian")))).statusCode(400).body("errors[0].field", equalTo("household"));
    }

    private static ValidatableResponse put(String token, String externalId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/partner/v1/customers/" + externalId).then();
    }
}
