package io.careline.complaint;

import static io.careline.complaint.Api.MINE;
import static io.careline.complaint.Api.PARTNER;
import static io.careline.complaint.Api.STAFF;
import static io.careline.complaint.Api.customer;
import static io.careline.complaint.Api.fileAsPartner;
import static io.careline.complaint.Api.partner;
import static io.careline.complaint.Api.staff;
import static io.careline.complaint.Api.unique;
import static io.careline.complaint.ComplaintTestSupport.complaintEventsMentioning;
import static io.careline.complaint.ComplaintTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Public replies and the customer's answers; internal notes never reach a customer, a partner or an event. */
@QuarkusTest
class ConversationTest {

    @Inject
    Pool pool;

    @Test
    void aReplyByAPersonStopsTheClockAndTheCustomerAnswerResumesTheComplaint() {
        String id = fileAsPartner("C-1001", unique("Conversation"));
        // the automatic acknowledgement is public but by no person: the clock still runs
        customer("alice").get(MINE + "/" + id + "/messages").then().statusCode(200)
                .body("items.from", contains("SYSTEM"));
        assertThat(firstPublicReplyAt(id)).isNull();

        staff("sam").body(Map.of("body", "Could you send the bill?", "awaitCustomer", true))
                .post(STAFF + "/" + id + "/replies").then().statusCode(201).body("kind", equalTo("PUBLIC_REPLY"))
                .body("byPerson", equalTo(true));
        assertThat(firstPublicReplyAt(id)).isNotNull();
        staff("sam").get(STAFF + "/" + id).then().body("status", equalTo("WAITING_ON_CUSTOMER"))
                .body("history.toStatus", contains("RECEIVED", "ACKNOWLEDGED", "IN_PROGRESS", "WAITING_ON_CUSTOMER"));

        customer("alice").body(Map.of("body", "Here it is.")).post(MINE + "/" + id + "/messages").then().statusCode(201)
                .body("from", equalTo("CUSTOMER"));
        staff("sam").get(STAFF + "/" + id).then().body("status", equalTo("IN_PROGRESS"));
        Instant first = firstPublicReplyAt(id);
        staff("sam").body(Map.of("body", "Thanks, refund on its way.")).post(STAFF + "/" + id + "/replies").then().statusCode(201);
        assertThat(firstPublicReplyAt(id)).as("only the first reply by a person sets it").isEqualTo(first);

        customer("alice").get(MINE + "/" + id + "/messages").then().statusCode(200)
                .body("items.from", contains("SYSTEM", "STAFF", "CUSTOMER", "STAFF"))
                .body("total", equalTo(4));
        // another customer: not found
        customer("bob").get(MINE + "/" + id + "/messages").then().statusCode(404);
        customer("bob").body(Map.of("body", "x")).post(MINE + "/" + id + "/messages").then().statusCode(404);
    }

    @Test
    void internalNotesNeverLeakToCustomersPartnersOrEvents() {
        String secret = "NOTE-" + UUID.randomUUID();
        String id = fileAsPartner("C-1001", unique("Leak check"));
        staff("sam").body(Map.of("body", "customer is difficult " + secret)).post(STAFF + "/" + id + "/notes")
                .then().statusCode(201).body("kind", equalTo("INTERNAL_NOTE"));
        staff("sam").body(Map.of("body", "We are on it.")).post(STAFF + "/" + id + "/replies").then().statusCode(201);
        staff("sam").body(Map.of("status", "RESOLVED", "reason", "reason " + secret)).post(STAFF + "/" + id + "/status")
                .then().statusCode(200);
        staff("sam").body(Map.of("priority", "HIGH", "reason", "override " + secret)).post(STAFF + "/" + id + "/override")
                .then().statusCode(200);
        staff("sam").body(Map.of("assignee", "agnes", "reason", "assign " + secret)).post(STAFF + "/" + id + "/assignment")
                .then().statusCode(200);
        customer("alice").body(Map.of("reason", "not fixed")).post(MINE + "/" + id + "/reopen").then().statusCode(200);

        // staff see it
        assertThat(staff("sam").get(STAFF + "/" + id + "/messages").then().statusCode(200).extract().asString())
                .contains(secret);
        // every customer-facing and partner-facing read of this complaint does not
        List<String> answers = List.of(
                customer("alice").get(MINE + "/" + id).then().statusCode(200).extract().asString(),
                customer("alice").queryParam("size", 100).get(MINE).then().statusCode(200).extract().asString(),
                customer("alice").queryParam("size", 100).get(MINE + "/" + id + "/messages").then().statusCode(200).extract().asString(),
                customer("alice").body(Map.of("body", "thanks")).post(MINE + "/" + id + "/messages").then().statusCode(201).extract().asString(),
                partner().get(PARTNER + "/" + id).then().statusCode(200).extract().asString(),
                partner().queryParam("size", 100).get(PARTNER).then().statusCode(200).extract().asString());
        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(secret, "difficult"));

        // nor any event about it: ComplaintReceived, Acknowledged, Replied, StatusChanged x n, Resolved
        List<ConsumerRecord<String, String>> events = complaintEventsMentioning(id, 8);
        assertThat(events).extracting(ConsumerRecord::value).allSatisfy(value -> assertThat(value).doesNotContain(secret, "difficult"));
        assertThat(events).extracting(r -> JsonPath.from(r.value()).getString("type"))
                .contains("ComplaintReceived", "ComplaintAcknowledged", "ComplaintReplied", "ComplaintStatusChanged",
                        "ComplaintResolved");
        assertThat(count(pool, "SELECT count(*) FROM outbox_event WHERE payload::text LIKE $1", "%" + secret + "%")).isZero();
    }

    @Test
    void aClosedComplaintTakesNoAnswerAndNoReply() {
        String id = Api.fileAsCustomer("bob", "OTHER", unique("Closed"));
        staff("sam").body(Map.of("status", "CLOSED", "reason", "duplicate")).post(STAFF + "/" + id + "/override")
                .then().statusCode(200);
        customer("bob").body(Map.of("body", "hello?")).post(MINE + "/" + id + "/messages").then().statusCode(409)
                .body("errors[0].field", equalTo("status"));
        staff("sam").body(Map.of("body", "hello")).post(STAFF + "/" + id + "/replies").then().statusCode(409)
                .body("errors[0].field", equalTo("status"));
        customer("bob").body(Map.of("body", " ")).post(MINE + "/" + id + "/messages").then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        customer("bob").get(MINE + "/" + id).then().body("compensation", nullValue());
    }

    private Instant firstPublicReplyAt(String id) {
        var row = pool.preparedQuery("SELECT first_public_reply_at FROM complaint WHERE id = $1")
                .execute(Tuple.of(UUID.fromString(id))).await().indefinitely().iterator().next();
        var at = row.getOffsetDateTime(0);
        return at == null ? null : at.toInstant();
    }
}
