package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.careline.testing.KeycloakTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The templates through the staff API: each locale's words, times in the zone asked for, the fallback to the default
 * locale when there is no translation, and who may see them.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class TemplatesApiTest {

    static JsonPath preview(String type, String locale, String timezone) {
        return given().auth().oauth2(KeycloakTokens.local().staff("agnes"))
                .queryParam("locale", locale).queryParam("timezone", timezone)
                .when().post("/api/v1/notifications/templates/" + type + "/preview")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void eachLocaleHasItsOwnWordsAndShowsTheDueTimeInTheRecipientsZone() {
        // the sample complaint is due 2026-11-25T09:30Z
        JsonPath zh = preview("COMPLAINT_ACKNOWLEDGEMENT", "zh-CN", "Asia/Shanghai");
        assertThat(zh.getString("locale")).isEqualTo("zh-CN");
        assertThat(zh.getBoolean("fallback")).isFalse();
        assertThat(zh.getInt("version")).isEqualTo(1);
        assertThat(zh.getString("title")).isEqualTo("我们已收到您的投诉 CMP-1A2B3C4D");
        assertThat(zh.getString("body")).contains("“Charged twice for March”").contains("2026年11月25日 17:30 Asia/Shanghai")
                .contains("48 小时内");

        JsonPath ru = preview("COMPLAINT_ACKNOWLEDGEMENT", "ru", "Europe/Moscow");
        assertThat(ru.getString("title")).isEqualTo("Мы получили вашу жалобу CMP-1A2B3C4D");
        assertThat(ru.getString("body")).contains("25 ноября 2026, 12:30 Europe/Moscow");

        JsonPath en = preview("COMPLAINT_ACKNOWLEDGEMENT", "en", null);
        assertThat(en.getString("body")).isEqualTo("Thank you. Your complaint CMP-1A2B3C4D \"Charged twice for March\" is "
                + "registered. You will get a first reply by 25 Nov 2026, 09:30 UTC (within 48 hours).");
        assertThat(en.getString("timezone")).isEqualTo("UTC");
    }

    @Test
    void everyKindRendersInEveryLocale() {
        for (String type : List.of("COMPLAINT_ACKNOWLEDGEMENT", "COMPLAINT_REPLY", "COMPLAINT_RESOLVED",
                "COMPLAINT_REOPENED", "COMPLAINT_CLOSED", "COMPENSATION_GRANTED", "INCIDENT_RESOLVED", "DRAW_WON")) {
            for (String locale : List.of("en", "zh-CN", "ru")) {
                JsonPath preview = preview(type, locale, "UTC");
                assertThat(preview.getString("locale")).as(type + " " + locale).isEqualTo(locale);
                assertThat(preview.getString("title")).as(type + " " + locale).isNotBlank().doesNotContain("{");
                assertThat(preview.getString("body")).as(type + " " + locale).isNotBlank().doesNotContain("{");
            }
        }
        assertThat(preview("COMPENSATION_GRANTED", "ru", "UTC").getString("body")).contains("12.50 EUR");
        assertThat(preview("INCIDENT_RESOLVED", "zh-CN", "UTC").getString("body")).contains("Riverside的问题（无信号）");
    }

    @Test
    void aLanguageWithoutTranslationFallsBackToTheDefaultAndSaysSo() {
        JsonPath german = preview("COMPLAINT_REPLY", "de-DE", "Europe/Berlin");
        assertThat(german.getString("requestedLocale")).isEqualTo("de-DE");
        assertThat(german.getString("locale")).isEqualTo("en");
        assertThat(german.getBoolean("fallback")).isTrue();
        assertThat(german.getString("title")).isEqualTo("You have a reply on complaint CMP-1A2B3C4D");

        // a region or script variant of a language we have is that language, not a fallback
        JsonPath russian = preview("COMPLAINT_REPLY", "ru-RU", "UTC");
        assertThat(russian.getString("locale")).isEqualTo("ru");
        assertThat(russian.getBoolean("fallback")).isFalse();
        JsonPath chinese = preview("COMPLAINT_REPLY", "zh", "UTC");
        assertThat(chinese.getString("locale")).isEqualTo("zh-CN");
        assertThat(chinese.getBoolean("fallback")).isFalse();
    }

    @Test
    void badParametersAreNamed() {
        String agent = KeycloakTokens.local().staff("agnes");
        given().auth().oauth2(agent).queryParam("locale", "not a locale!")
                .when().post("/api/v1/notifications/templates/COMPLAINT_REPLY/preview")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("locale"));
        given().auth().oauth2(agent).queryParam("timezone", "Mars/Olympus")
                .when().post("/api/v1/notifications/templates/COMPLAINT_REPLY/preview")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("timezone"));
        given().auth().oauth2(agent)
                .when().post("/api/v1/notifications/templates/NO_SUCH_KIND/preview")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void adminsListTheTemplatesAgentsPreviewCustomersNeither() {
        JsonPath list = given().auth().oauth2(KeycloakTokens.local().staff("ada"))
                .when().get("/api/v1/notifications/templates")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getString("defaultLocale")).isEqualTo("en");
        List<Map<String, Object>> items = list.getList("items");
        assertThat(items).hasSize(8).allSatisfy(item -> {
            assertThat(item.get("version")).isEqualTo(1);
            assertThat(item.get("locales")).isEqualTo(List.of("en", "zh-CN", "ru"));
        });

        given().auth().oauth2(KeycloakTokens.local().staff("agnes")).when().get("/api/v1/notifications/templates")
                .then().statusCode(403);
        given().auth().oauth2(KeycloakTokens.local().customer("alice"))
                .when().post("/api/v1/notifications/templates/COMPLAINT_REPLY/preview")
                .then().statusCode(403);
        given().when().get("/api/v1/notifications/templates").then().statusCode(401);
    }
}
