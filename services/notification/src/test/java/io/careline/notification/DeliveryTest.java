package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.notification.channel.RecordingProvider;
import io.careline.notification.repository.InboxMessage;
import io.careline.notification.service.DeliveryService;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * Messages beyond the inbox, against the real topics, the local SMTP server (read back through its API), the recording
 * push provider and an SMS provider that is down: the recipient's language and zone, suppression by consent and by
 * quiet hours, the critical bypass, one delivery per event and channel, retry then fallback, and status events.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
@WithTestResource(FailingSmsProvider.class)
class DeliveryTest extends DeliveryTestBase {

    @Inject
    DeliveryService service;

    @Inject
    RecordingProvider recorded;

    @Test
    void aChineseRecipientGetsTheInboxMessageAndTheMailInChineseWithTimesInTheirZone() {
        String customer = newCustomer();
        String address = newAddress();
        profile(customer, "zh-CN", "Asia/Shanghai", List.of(address), List.of(), "email");
        Instant received = Instant.parse("2026-11-23T01:00:00Z");
        EventEnvelope<ComplaintReceived> event = EventEnvelope.of(ComplaintReceived.EVENT, customer, now(),
                new ComplaintReceived(UUID.randomUUID(), reference(), "账单重复收费", "BILLING", "APP", received,
                        received.plus(Duration.ofHours(48))));

        publish(event);

        Map<String, Object> mail = awaitDelivery(event.id(), "email", status("SENT"));
        assertThat(mail.get("locale")).isEqualTo("zh-CN");
        assertThat(mail.get("localeFallback")).isEqualTo(false);
        assertThat(mail.get("templateVersion")).isEqualTo(1);
        assertThat(mail.get("address")).isEqualTo(address);
        List<Map<String, Object>> mails = awaitMail(address);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).get("subject")).isEqualTo("我们已收到您的投诉 " + event.data().reference());
        assertThat((String) mails.get(0).get("mimeMessage")).contains("X-Careline-Delivery: " + event.id() + ":email");

        InboxMessage inbox = repository.bySourceEvent(event.id().toString()).await().atMost(Duration.ofSeconds(5));
        // due 2026-11-25T01:00Z is 09:00 in Shanghai
        assertThat(inbox.body).contains("账单重复收费").contains("2026年11月25日 09:00 Asia/Shanghai");
        assertThat(awaitDelivery(event.id(), "in_app", status("SENT")).get("locale")).isEqualTo("zh-CN");

        List<JsonNode> sent = awaitStatusEvents(node -> node.path("type").asText().equals("NotificationSent")
                && node.path("data").path("deliveryId").asText().equals(event.id() + ":email"));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("customerId").asText()).isEqualTo(customer);
        assertThat(sent.get(0).path("data").path("locale").asText()).isEqualTo("zh-CN");
        assertThat(sent.get(0).toString()).doesNotContain(address);
    }

    @Test
    void aLanguageWithoutTranslationIsSentInTheDefaultAndTheRecordSaysSo() {
        String customer = newCustomer();
        String address = newAddress();
        profile(customer, "de-DE", zoneWhereItIs(false), List.of(address), List.of(), "email");
        EventEnvelope<ComplaintReplied> event = reply(customer);

        publish(event);

        Map<String, Object> mail = awaitDelivery(event.id(), "email", status("SENT"));
        assertThat(mail.get("requestedLocale")).isEqualTo("de-DE");
        assertThat(mail.get("locale")).isEqualTo("en");
        assertThat(mail.get("localeFallback")).isEqualTo(true);
        assertThat(awaitMail(address).get(0).get("subject")).isEqualTo("You have a reply on complaint " + event.data().reference());
    }

    @Test
    void anUnknownRecipientGetsTheInboxOnlyInEnglishAndUtc() {
        String customer = newCustomer();
        EventEnvelope<ComplaintReplied> event = reply(customer);

        publish(event);

        Map<String, Object> inApp = awaitDelivery(event.id(), "in_app", status("SENT"));
        assertThat(inApp.get("locale")).isEqualTo("en");
        assertThat(inApp.get("localeFallback")).isEqualTo(false);
        assertThat(deliveries(event.id())).hasSize(1);
    }

    @Test
    void anOptOutSuppressesTheChannelAndTheNextOneTakesOver() {
        String customer = newCustomer();
        String address = newAddress();
        profile(customer, "en", zoneWhereItIs(false), List.of(address), List.of(), "email");
        consent(customer, "email", false);
        EventEnvelope<ComplaintReplied> event = reply(customer);

        publish(event);

        Map<String, Object> push = awaitDelivery(event.id(), "push", status("SENT"));
        assertThat(push.get("fallbackFrom")).isEqualTo("email");
        Map<String, Object> email = awaitDelivery(event.id(), "email", status("SUPPRESSED"));
        assertThat((String) email.get("reason")).isEqualTo("opted out of service by email");
        assertThat(email.get("criticalBypass")).isEqualTo(false);
        assertThat(recorded.list(customer, "push", 10).await().atMost(Duration.ofSeconds(5)))
                .singleElement().satisfies(message -> {
                    assertThat(message.deliveryId).isEqualTo(event.id() + ":push");
                    assertThat(message.title).isEqualTo("You have a reply on complaint " + event.data().reference());
                });
        assertThat(mailTo(address)).isEmpty();
    }

    @Test
    void aCriticalMessageBypassesTheOptOutAndTheRecordSaysSo() {
        String customer = newCustomer();
        String address = newAddress();
        profile(customer, "en", zoneWhereItIs(false), List.of(address), List.of(), "email");
        consent(customer, "email", false);
        EventEnvelope<ComplaintReceived> event = complaintReceived(customer, "Charged twice");

        publish(event);

        Map<String, Object> email = awaitDelivery(event.id(), "email", status("SENT"));
        assertThat(email.get("critical")).isEqualTo(true);
        assertThat(email.get("criticalBypass")).isEqualTo(true);
        assertThat((String) email.get("reason")).contains("the opt-out of service by email");
        assertThat(awaitMail(address)).hasSize(1);
    }

    @Test
    void quietHoursHoldANonCriticalMessageUntilTheyEndThenTheReleaseSendsIt() {
        String customer = newCustomer();
        String address = newAddress();
        String zone = zoneWhereItIs(true);
        profile(customer, "en", zone, List.of(address), List.of(), "email");
        EventEnvelope<ComplaintReplied> event = reply(customer);

        publish(event);

        Map<String, Object> held = awaitDelivery(event.id(), "email", status("QUEUED"));
        assertThat(Instant.parse((String) held.get("notBefore"))).isAfter(Instant.now());
        assertThat(Instant.parse((String) held.get("notBefore")).atZone(java.time.ZoneId.of(zone)).getHour()).isEqualTo(8);
        assertThat((String) held.get("reason")).startsWith("quiet hours in " + zone);
        awaitDelivery(event.id(), "in_app", status("SENT")); // the inbox is silent: it never waits
        release.releaseDue().await().atMost(Duration.ofSeconds(30));
        assertThat(mailTo(address)).as("nothing before the quiet hours end").isEmpty();

        // the quiet hours end (the clock moved on)
        deliveryRecords.mongoCollection().updateOne(Filters.eq("_id", event.id() + ":email"),
                Updates.set("notBefore", Instant.now().minusSeconds(1))).await().atMost(Duration.ofSeconds(5));
        release.releaseDue().await().atMost(Duration.ofSeconds(30));

        assertThat(awaitDelivery(event.id(), "email", status("SENT")).get("criticalBypass")).isEqualTo(false);
        assertThat(awaitMail(address)).hasSize(1);
    }

    @Test
    void aCriticalMessageIsSentInQuietHoursAndTheRecordSaysSo() {
        String customer = newCustomer();
        String address = newAddress();
        profile(customer, "en", zoneWhereItIs(true), List.of(address), List.of(), "email");
        EventEnvelope<ComplaintReceived> event = complaintReceived(customer, "Line dead at night");

        publish(event);

        Map<String, Object> email = awaitDelivery(event.id(), "email", status("SENT"));
        assertThat(email.get("criticalBypass")).isEqualTo(true);
        assertThat((String) email.get("reason")).contains("quiet hours");
        assertThat(awaitMail(address)).hasSize(1);
    }

    @Test
    void oneDeliveryPerEventAndChannelUnderRedeliveryAndTwoConsumers() {
        String customer = newCustomer();
        String address = newAddress();
        profile(customer, "en", zoneWhereItIs(false), List.of(address), List.of(), "email");
        EventEnvelope<ComplaintReplied> event = reply(customer);

        publish(event);
        publish(event); // a redelivery: the same envelope id
        // two more consumers (replicas) handling the same event at the same moment
        Uni.join().all(service.dispatch(event), service.dispatch(event)).andCollectFailures()
                .await().atMost(Duration.ofMinutes(2));

        awaitDelivery(event.id(), "email", status("SENT"));
        EventEnvelope<ComplaintReplied> later = reply(customer);
        publish(later);
        awaitDelivery(later.id(), "email", status("SENT")); // same partition: both deliveries of the first are done
        assertThat(deliveries(event.id())).extracting(d -> d.get("channel")).containsExactlyInAnyOrder("in_app", "email");
        assertThat(mailTo(address)).extracting(mail -> mail.get("subject")).containsOnlyOnce(
                "You have a reply on complaint " + event.data().reference());
        assertThat(repository.count("sourceEventId", event.id().toString()).await().atMost(Duration.ofSeconds(5))).isEqualTo(1);
    }

    @Test
    void aFailingChannelIsRetriedWithBackOffThenTheNextChannelTakesOver() {
        String customer = newCustomer();
        String phone = "+4915112" + (100000 + (int) (Math.random() * 899999));
        profile(customer, "en", zoneWhereItIs(false), List.of(), List.of(phone), "sms");
        EventEnvelope<ComplaintReplied> event = reply(customer);

        publish(event);

        Map<String, Object> push = awaitDelivery(event.id(), "push", status("SENT"));
        assertThat(push.get("fallbackFrom")).isEqualTo("sms");
        Map<String, Object> sms = awaitDelivery(event.id(), "sms", status("FAILED"));
        assertThat(sms.get("attempts")).isEqualTo(3);
        assertThat((String) sms.get("reason")).contains("sms provider answered 503");
        List<FailingSmsProvider.Received> tried = FailingSmsProvider.RECEIVED.stream()
                .filter(request -> (event.id() + ":sms").equals(request.idempotencyKey())).toList();
        assertThat(tried).hasSize(3).allSatisfy(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer " + FailingSmsProvider.TOKEN);
            assertThat(request.body()).contains(phone).contains(event.data().reference());
        });
        List<JsonNode> failed = awaitStatusEvents(node -> node.path("type").asText().equals("NotificationFailed")
                && node.path("data").path("deliveryId").asText().equals(event.id() + ":sms"));
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).path("data").path("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get(0).toString()).doesNotContain(phone);
    }

    @Test
    void deliveriesAreForStaffOnlyAndTheQueryNamesWhatIsMissing() {
        given().auth().oauth2(alice()).queryParam("customerId", ALICE).when().get("/api/v1/notifications/deliveries")
                .then().statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/notifications/deliveries").then().statusCode(401);
        given().auth().oauth2(agent()).when().get("/api/v1/notifications/deliveries")
                .then().statusCode(400).body("errors[0].field", equalTo("customerId"));
        given().auth().oauth2(agent()).queryParam("customerId", ALICE).queryParam("size", 0)
                .when().get("/api/v1/notifications/deliveries")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().auth().oauth2(agent()).when().get("/api/v1/notifications/recorded").then().statusCode(403);
        given().auth().oauth2(admin()).queryParam("channel", "fax").when().get("/api/v1/notifications/recorded")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"));
        given().auth().oauth2(admin()).queryParam("channel", "push").when().get("/api/v1/notifications/recorded")
                .then().statusCode(200);
    }
}
