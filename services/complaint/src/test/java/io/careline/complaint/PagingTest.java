package io.careline.complaint;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Paging parameters are bounded and typed (service-defaults' PageRequest and ProblemMapper, shared by every service):
 * whatever a caller puts in them is a 400 naming the parameter, never a 500 or a 404.
 */
@QuarkusTest
class PagingTest {

    private static final String PATH = "/api/v1/me/complaints";
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();

    @ParameterizedTest
    @CsvSource({
            // page × size overflowed an int: a 500
            "page, 21474837",
            "page, 2147483647",
            // not a number, or not an int: a 404, as if the path did not exist
            "page, abc",
            "page, 1.5",
            "page, 99999999999",
            "size, abc",
            "size, 99999999999" })
    void aPagingParameterOutOfBoundsOrNotANumberIsA400NamingIt(String parameter, String value) {
        given().auth().oauth2(TOKENS.customer("alice")).queryParam(parameter, value)
                .queryParam(parameter.equals("page") ? "size" : "page", parameter.equals("page") ? 100 : 0)
                .when().get(PATH)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }

    @Test
    void theLastPageAllowedIsServed() {
        given().auth().oauth2(TOKENS.customer("alice")).queryParam("page", 10_000).queryParam("size", 100)
                .when().get(PATH)
                .then().statusCode(200).body("page", equalTo(10_000)).body("items.size()", equalTo(0));
    }

    @Test
    void aPathParameterThatIsNotAnIdIsStillA404() {
        // the same text in the query must not turn the path's 404 into a 400 about a query parameter
        given().auth().oauth2(TOKENS.customer("alice")).queryParam("page", "not-a-uuid")
                .when().get(PATH + "/not-a-uuid")
                .then().statusCode(404);
    }
}
