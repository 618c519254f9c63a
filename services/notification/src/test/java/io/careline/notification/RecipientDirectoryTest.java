package io.careline.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.careline.contracts.customer.CustomerErased;
import io.careline.contracts.customer.CustomerProfileChanged;
import io.careline.notification.repository.InboxMessage;
import io.careline.notification.repository.Recipient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The recipient directory from the real customer topic: each event applied once by its id, and erasure that
 * pseudonymises the recipient and the texts kept about them, confirmed once through the outbox.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class RecipientDirectoryTest extends DeliveryTestBase {

    @Test
    void aRedeliveredProfileDoesNotUndoALaterOne() {
        String customer = newCustomer();
        EventEnvelope<CustomerProfileChanged> first = profileEvent(customer, "ru", "Europe/Moscow");
        EventEnvelope<CustomerProfileChanged> second = profileEvent(customer, "zh-CN", "Asia/Shanghai");

        publishCustomerEvent(first);
        publishCustomerEvent(second);
        publishCustomerEvent(first); // redelivered after the later change, as after a relay crash
        EventEnvelope<CustomerProfileChanged> marker = profileEvent(customer, "zh-CN", "Asia/Shanghai");
        publishCustomerEvent(marker);
        awaitApplied(customer, marker.id()); // same key, same partition: everything before it was consumed

        Recipient recipient = recipients.findById(customer).await().atMost(Duration.ofSeconds(5));
        assertThat(recipient.locale).isEqualTo("zh-CN");
        assertThat(recipient.timezone).isEqualTo("Asia/Shanghai");
        assertThat(recipient.applied).containsOnlyOnce(first.id().toString());
    }

    @Test
    void erasurePseudonymisesTheRecipientAndTheTextsAndIsConfirmedOnce() {
        String customer = newCustomer();
        String address = newAddress();
        profile(customer, "en", zoneWhereItIs(false), List.of(address), List.of(), "email");
        EventEnvelope<ComplaintReceived> complaint = complaintReceived(customer, "My neighbour Jane Roe broke the line");
        publish(complaint);
        awaitDelivery(complaint.id(), "email", status("SENT"));

        EventEnvelope<CustomerErased> erased = EventEnvelope.of(CustomerErased.EVENT, customer, now(),
                new CustomerErased(customer, now()));
        publishCustomerEvent(erased);
        publishCustomerEvent(erased); // a redelivery erases nothing more and confirms nothing more
        EventEnvelope<CustomerProfileChanged> marker = profileEvent(customer, "en", "UTC");
        publishCustomerEvent(marker);
        awaitApplied(customer, marker.id());

        Recipient recipient = recipients.findById(customer).await().atMost(Duration.ofSeconds(5));
        assertThat(recipient.erasedAt).isNotNull();
        InboxMessage message = repository.bySourceEvent(complaint.id().toString()).await().atMost(Duration.ofSeconds(5));
        assertThat(message.body).isEqualTo(Recipient.ERASED).doesNotContain("Jane Roe");
        assertThat(deliveries(complaint.id())).allSatisfy(delivery -> {
            assertThat(delivery.get("address")).isNull();
        });
        assertThat(deliveryRecords.findById(complaint.id() + ":email").await().atMost(Duration.ofSeconds(5)).body)
                .isEqualTo(Recipient.ERASED);

        List<JsonNode> confirmations = awaitStatusEvents(node -> node.path("type").asText().equals("ErasureConfirmed")
                && node.path("customerId").asText().equals(customer));
        assertThat(confirmations).hasSize(1);
        assertThat(confirmations.get(0).path("data").path("service").asText()).isEqualTo("notification");
    }

    private static EventEnvelope<CustomerProfileChanged> profileEvent(String customer, String locale, String zone) {
        return EventEnvelope.of(CustomerProfileChanged.EVENT, customer, now(), new CustomerProfileChanged(customer,
                "Test " + UUID.randomUUID(), locale, zone, "north", List.of(), List.of(), null, null));
    }
}
