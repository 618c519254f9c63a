package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(InProcessMongo.class)
class MyInboxApiTest extends InboxTestBase {

    @Test
    void markingMyMessageReadLowersMyUnreadCount() {
        EventEnvelope<ComplaintReceived> event = complaintReceived(ALICE, "Please read me");
        publish(event);
        String id = (String) awaitMessageAbout(alice(), event.data().complaintId()).get("id");
        JsonPath before = inbox(alice(), 100);

        given().auth().oauth2(alice()).when().post("/api/v1/me/inbox/" + id + "/read").then().statusCode(204);

        JsonPath after = inbox(alice(), 100);
        Map<String, Object> read = messageWithId(after, id);
        assertThat(read.get("readAt")).isNotNull();
        // robust to messages a running complaint service adds meanwhile: every new one is unread
        long arrived = after.getLong("total") - before.getLong("total");
        assertThat(after.getLong("unread")).isEqualTo(before.getLong("unread") - 1 + arrived);

        // reading it again is fine and keeps the first time it was read
        given().auth().oauth2(alice()).when().post("/api/v1/me/inbox/" + id + "/read").then().statusCode(204);
        assertThat(messageWithId(inbox(alice(), 100), id).get("readAt")).isEqualTo(read.get("readAt"));
    }

    @Test
    void anotherCustomersMessageIsNotFoundAndStaysUnread() {
        EventEnvelope<ComplaintReceived> event = complaintReceived(ALICE, "Only alice may read this");
        publish(event);
        String id = (String) awaitMessageAbout(alice(), event.data().complaintId()).get("id");

        given().auth().oauth2(bob()).when().post("/api/v1/me/inbox/" + id + "/read")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));

        assertThat(messageWithId(inbox(alice(), 100), id).get("readAt")).isNull();
        // and bob cannot tell it from a message that does not exist
        String bobsAnswer = given().auth().oauth2(bob()).when().post("/api/v1/me/inbox/" + id + "/read").then().extract().asString();
        String unknownAnswer = given().auth().oauth2(bob()).when().post("/api/v1/me/inbox/" + new ObjectId() + "/read")
                .then().statusCode(404).extract().asString();
        assertThat(bobsAnswer.replace(id, "")).isEqualTo(unknownAnswer.replaceAll("[0-9a-f]{24}", ""));
        given().auth().oauth2(alice()).when().post("/api/v1/me/inbox/not-an-id/read").then().statusCode(404);
    }

    @Test
    void newestMessagesComeFirstAndNextCursorsWalkTheRest() {
        EventEnvelope<ComplaintReceived> older = complaintReceived(BOB, "First of three");
        EventEnvelope<ComplaintReceived> middle = complaintReceived(BOB, "Second of three");
        EventEnvelope<ComplaintReceived> newer = complaintReceived(BOB, "Third of three");
        publish(older);
        publish(middle);
        publish(newer);
        awaitMessageAbout(bob(), newer.data().complaintId());

        List<String> complaintIds = inbox(bob(), 100).getList("items.complaintId");
        assertThat(complaintIds.indexOf(newer.data().complaintId().toString()))
                .isLessThan(complaintIds.indexOf(older.data().complaintId().toString()))
                .isNotNegative();

        // one message a page, following next: each page further back, none repeated
        JsonPath firstPage = inbox(bob(), 1);
        assertThat(firstPage.getList("items")).hasSize(1);
        assertThat(firstPage.getInt("size")).isEqualTo(1);
        assertThat(firstPage.getLong("total")).isGreaterThanOrEqualTo(3);
        assertThat(firstPage.getLong("unread")).isGreaterThanOrEqualTo(3);
        List<String> walked = new java.util.ArrayList<>(firstPage.getList("items.id"));
        String next = firstPage.getString("next");
        for (int i = 0; i < 2; i++) {
            JsonPath page = given().auth().oauth2(bob()).queryParam("size", 1).queryParam("before", next)
                    .when().get("/api/v1/me/inbox").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items")).hasSize(1);
            walked.add(page.getString("items[0].id"));
            next = page.getString("next");
        }
        assertThat(walked).doesNotHaveDuplicates().hasSize(3);
        // a cursor of bob's shows alice only her own messages: it is a position, not a key to someone's inbox
        List<String> alices = given().auth().oauth2(alice()).queryParam("size", 100).queryParam("before", firstPage.getString("next"))
                .when().get("/api/v1/me/inbox").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(alices).doesNotContainAnyElementsOf(walked);
    }

    @Test
    void aCursorThatIsNotOursOrAPageNumberIsABadRequestNamingIt() {
        for (String bad : new String[] { "not-a-cursor", "MTIz", "A".repeat(100) }) {
            given().auth().oauth2(alice()).queryParam("before", bad).when().get("/api/v1/me/inbox")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("before"));
        }
        given().auth().oauth2(alice()).queryParam("page", 1).when().get("/api/v1/me/inbox")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("page"));
    }

    @Test
    void aPageSizeOutOfRangeIsABadRequestNamingSize() {
        for (int size : new int[] { 0, 101, -5 }) {
            given().auth().oauth2(alice()).queryParam("size", size).when().get("/api/v1/me/inbox")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("size"))
                    .body("detail", containsString("size must be between 1 and 100"));
        }
        given().auth().oauth2(alice()).queryParam("size", "ten").when().get("/api/v1/me/inbox")
                .then().statusCode(400).body("errors.field", hasItem("size"));
        given().auth().oauth2(alice()).queryParam("size", 100).when().get("/api/v1/me/inbox").then().statusCode(200);
    }

    private static Map<String, Object> messageWithId(JsonPath inbox, String id) {
        List<Map<String, Object>> found = inbox.getList("items.findAll { it.id == '" + id + "' }");
        assertThat(found).as("message " + id).hasSize(1);
        return found.get(0);
    }
}
