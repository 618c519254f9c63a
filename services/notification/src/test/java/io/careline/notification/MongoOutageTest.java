package io.careline.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReceived;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * MongoDB goes away while an event arrives: the event is retried, not dead-lettered, the metrics show it stuck, and
 * once MongoDB is back (same port, same data) its message appears exactly once.
 */
@QuarkusTest
@WithTestResource(InProcessMongo.class)
class MongoOutageTest extends InboxTestBase {

    private static final Duration OUTAGE = Duration.ofSeconds(8);

    @InProcessMongo.Inject
    InProcessMongo.Handle mongo;

    @Test
    void anEventThatArrivesWhileMongoIsDownIsRetriedNotDeadLetteredAndAppliedOnceItIsBack() throws InterruptedException {
        EventEnvelope<ComplaintReceived> before = complaintReceived(BOB, "Before the outage");
        EventEnvelope<ComplaintReceived> during = complaintReceived(BOB, "During the outage");
        publish(before);
        awaitStored(before); // the consumer is assigned and caught up

        mongo.stop();
        try {
            double lastSuccess = metric("careline_consumer_last_success_timestamp_seconds");
            publish(during);

            // stuck, visibly: the record in hand ages, nothing succeeds, readiness (MongoDB only) is down
            await().atMost(PROCESSED).until(() -> metric("careline_consumer_oldest_in_progress_age_seconds") >= 3.0);
            given().when().get("/q/health/ready").then().statusCode(503);
            Thread.sleep(OUTAGE.toMillis()); // longer than the retry's max back-off (2 s in tests): several attempts fail
            assertThat(metric("careline_consumer_last_success_timestamp_seconds")).isEqualTo(lastSuccess);
            assertThat(metric("careline_consumer_oldest_in_progress_age_seconds")).isGreaterThanOrEqualTo(OUTAGE.toSeconds());
        } finally {
            mongo.start();
        }

        awaitStored(during);
        assertThat(count(during)).as("messages for the event that waited").isEqualTo(1L);
        assertThat(count(before)).as("the message stored before the outage survived it").isEqualTo(1L);
        assertThat(deadLetters()).noneMatch(value -> value.contains(during.id().toString()));
        await().atMost(PROCESSED).until(() -> metric("careline_consumer_oldest_in_progress_age_seconds") == 0.0);
        given().when().get("/q/health/ready").then().statusCode(200);
        assertThat(messagesAbout(bob(), during.data().complaintId())).hasSize(1);
    }

    private void awaitStored(EventEnvelope<ComplaintReceived> event) {
        await().atMost(PROCESSED).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> count(event) > 0);
    }

    private long count(EventEnvelope<ComplaintReceived> event) {
        return repository.count("sourceEventId", event.id().toString()).await().atMost(Duration.ofSeconds(10));
    }

    /** A gauge of this service's, as Prometheus scrapes it. */
    private static double metric(String name) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher value = Pattern.compile("(?m)^" + name + "\\{[^}]*channel=\"complaint-events\"[^}]*\\} (\\S+)$").matcher(body);
        assertThat(value.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(value.group(1));
    }
}
