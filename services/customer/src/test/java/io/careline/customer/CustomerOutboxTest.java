package io.careline.customer;

import static io.careline.customer.CustomerTestSupport.agnes;
import static io.careline.customer.CustomerTestSupport.customerWith;
import static io.careline.customer.CustomerTestSupport.freshEmail;
import static io.careline.customer.CustomerTestSupport.freshPhone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.careline.customer.CustomerTopic.Published;
import io.careline.customer.repository.CustomerRepository;
import io.careline.outbox.mongo.MongoOutboxRelay;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The customer's events leave through the outbox in its document: written with the change, published to
 * test.careline.customer.v1 once each, keyed by the customer, and kept in the document while the relay cannot send.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class CustomerOutboxTest {

    @Inject
    CustomerRepository repository;

    @Inject
    MongoOutboxRelay relay;

    @Test
    void theEventsOfAChangeArriveOnceKeyedByTheCustomer() {
        String id = customerWith(freshPhone(), freshEmail());
        consent(id, "marketing", true);

        List<Published> published = CustomerTopic.published(repository, id);
        assertThat(published).extracting(Published::type).containsExactly("CustomerProfileChanged", "ConsentChanged");
        assertThat(published).extracting(Published::key).containsOnly(id);
        assertThat(published).extracting(record -> record.envelope().path("customerId").asText()).containsOnly(id);
        assertThat(published).extracting(Published::ceType)
                .containsExactly("io.careline.CustomerProfileChanged.v1", "io.careline.ConsentChanged.v1");
        assertThat(published).extracting(record -> record.envelope().path("id").asText()).doesNotHaveDuplicates();
        // published events leave the document
        assertThat(CustomerTopic.waiting(repository, id)).isEmpty();
    }

    @Test
    void whileTheRelayCannotSendTheEventsWaitInTheDocumentThenLeaveInOrder() {
        String id = customerWith(freshPhone(), freshEmail());
        assertThat(CustomerTopic.published(repository, id)).hasSize(1);

        relay.stop();
        try {
            consent(id, "marketing", true);
            consent(id, "marketing", false);
            List<JsonNode> waiting = CustomerTopic.waiting(repository, id);
            assertThat(waiting).extracting(event -> event.path("data").path("granted").asBoolean()).containsExactly(true, false);
        } finally {
            relay.start();
        }

        List<JsonNode> changes = CustomerTopic.events(repository, id, "ConsentChanged");
        assertThat(changes).extracting(event -> event.path("data").path("granted").asBoolean()).containsExactly(true, false);
        assertThat(CustomerTopic.waiting(repository, id)).isEmpty();
    }

    private static void consent(String id, String purpose, boolean granted) {
        given().auth().oauth2(agnes()).contentType(ContentType.JSON)
                .body(Map.of("consents", List.of(Map.of("purpose", purpose, "channel", "email", "granted", granted))))
                .when().put("/api/v1/customers/" + id + "/consents").then().statusCode(200);
    }
}
