package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.contracts.customer.ConsentChanged;
import io.careline.contracts.customer.CustomerProfileChanged;
import io.careline.notification.repository.DeliveryRepository;
import io.careline.notification.repository.RecipientRepository;
import io.careline.notification.service.DeliveryRelease;
import io.careline.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;

/**
 * What the delivery tests share: customers of their own (random ids, so no test sees another's records), fed to the
 * recipient directory through the real customer topic; the deliveries as staff see them; the mail as the local SMTP
 * server (GreenMail, http://127.0.0.1:8025) holds it.
 */
abstract class DeliveryTestBase extends InboxTestBase {

    static final String GREENMAIL = "http://127.0.0.1:8025";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Inject
    RecipientRepository recipients;

    @Inject
    DeliveryRepository deliveryRecords;

    @Inject
    DeliveryRelease release;

    static String newCustomer() {
        return "C-T" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String newAddress() {
        return "h3-" + UUID.randomUUID() + "@example.com";
    }

    static String customerTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.customer-events.topic", String.class);
    }

    static String statusTopic() {
        return ConfigProvider.getConfig().getValue("careline.kafka.topic-prefix", String.class) + "careline.notification.v1";
    }

    /** A zone where it is now between 23:00 and 05:59 (inside 22:00-08:00 quiet hours), or between 11:00 and 17:59. */
    static String zoneWhereItIs(boolean night) {
        for (int offset = -12; offset <= 14; offset++) {
            ZoneId zone = ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
            int hour = Instant.now().atZone(zone).getHour();
            if (night ? hour >= 23 || hour < 6 : hour >= 11 && hour < 18) {
                return zone.getId();
            }
        }
        throw new IllegalStateException("every hour of the day is somewhere");
    }

    void publishCustomerEvent(EventEnvelope<?> envelope) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", utf8("1.0"));
        headers.add("ce_id", utf8(envelope.id().toString()));
        headers.add("ce_type", utf8("io.careline." + envelope.type() + ".v" + envelope.version()));
        headers.add("ce_source", utf8("/careline/customer"));
        publish(new ProducerRecord<>(customerTopic(), null, envelope.customerId(), toJson(envelope), headers));
    }

    /** Publishes the profile and waits until the directory has it. */
    void profile(String customerId, String locale, String timezone, List<String> emails, List<String> phones,
            String preferred) {
        EventEnvelope<CustomerProfileChanged> event = EventEnvelope.of(CustomerProfileChanged.EVENT, customerId, now(),
                new CustomerProfileChanged(customerId, "Test " + customerId, locale, timezone, "north",
                        emails.stream().map(address -> new CustomerProfileChanged.Email(address, true)).toList(),
                        phones.stream().map(number -> new CustomerProfileChanged.Phone(number, true)).toList(),
                        preferred, null));
        publishCustomerEvent(event);
        awaitApplied(customerId, event.id());
    }

    /** Publishes the consent and waits until the directory has it. */
    void consent(String customerId, String channel, boolean granted) {
        EventEnvelope<ConsentChanged> event = EventEnvelope.of(ConsentChanged.EVENT, customerId, now(),
                new ConsentChanged(customerId, "service", channel, granted, "app", now()));
        publishCustomerEvent(event);
        awaitApplied(customerId, event.id());
    }

    void awaitApplied(String customerId, UUID eventId) {
        await().atMost(PROCESSED).pollInterval(Duration.ofMillis(200)).until(() -> {
            var recipient = recipients.findById(customerId).await().atMost(Duration.ofSeconds(5));
            return recipient != null && recipient.applied.contains(eventId.toString());
        });
    }

    static EventEnvelope<ComplaintReplied> reply(String customerId) {
        return EventEnvelope.of(ComplaintReplied.EVENT, customerId, now(),
                new ComplaintReplied(UUID.randomUUID(), reference(), UUID.randomUUID(), now(), true, true));
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static String agent() {
        return KeycloakTokens.local().staff("agnes");
    }

    static String admin() {
        return KeycloakTokens.local().staff("ada");
    }

    /** The deliveries of a source event, as staff see them. */
    static List<Map<String, Object>> deliveries(UUID sourceEventId) {
        return given().auth().oauth2(agent()).queryParam("sourceEventId", sourceEventId.toString())
                .when().get("/api/v1/notifications/deliveries")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Waits until the event's delivery on this channel matches, and returns it. */
    static Map<String, Object> awaitDelivery(UUID sourceEventId, String channel, Predicate<Map<String, Object>> state) {
        return await().atMost(PROCESSED).pollInterval(Duration.ofMillis(250))
                .until(() -> deliveries(sourceEventId).stream().filter(d -> channel.equals(d.get("channel")))
                        .filter(state).findFirst(), found -> found.isPresent())
                .get();
    }

    static Predicate<Map<String, Object>> status(String status) {
        return delivery -> status.equals(delivery.get("status"));
    }

    /** The messages GreenMail holds for this address (none: an empty list). */
    static List<Map<String, Object>> mailTo(String address) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(GREENMAIL + "/api/user/" + address + "/messages/INBOX")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JsonPath.from(response.body()).getList("$") : List.of();
        } catch (Exception e) {
            throw new IllegalStateException("GreenMail is not answering on " + GREENMAIL, e);
        }
    }

    static List<Map<String, Object>> awaitMail(String address) {
        return await().atMost(PROCESSED).pollInterval(Duration.ofMillis(250))
                .until(() -> mailTo(address), mails -> !mails.isEmpty());
    }

    /** The status events on the tests' notification topic whose data matches, read from the start for a few seconds. */
    List<JsonNode> statusEvents(Predicate<JsonNode> matching) {
        try (ConsumerTask<String, String> records = kafka.consumeStrings().withOffsetReset(OffsetResetStrategy.EARLIEST)
                .fromTopics(java.util.Set.of(statusTopic()), Duration.ofSeconds(4))) {
            return records.awaitCompletion(Duration.ofSeconds(15)).getRecords().stream().map(ConsumerRecord::value)
                    .map(this::tree).filter(matching).toList();
        }
    }

    List<JsonNode> awaitStatusEvents(Predicate<JsonNode> matching) {
        return await().atMost(PROCESSED).pollInterval(Duration.ofSeconds(1))
                .until(() -> statusEvents(matching), found -> !found.isEmpty());
    }

    JsonNode tree(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            return json.nullNode();
        }
    }
}
