package io.careline.notification.channel;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import io.careline.notification.repository.DuplicateKeys;
import io.careline.notification.repository.Recipient;
import io.careline.notification.repository.RecordedMessage;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * The SMS and push provider of the local stack and the tests: it stores what it would send, keyed by delivery id (a
 * retried send records once), for admins to read at {@code /api/v1/notifications/recorded}.
 */
@ApplicationScoped
public class RecordingProvider implements MessageProvider, ReactivePanacheMongoRepositoryBase<RecordedMessage, String> {

    @Override
    public Uni<Void> send(String channel, Outgoing message) {
        RecordedMessage recorded = new RecordedMessage();
        recorded.deliveryId = message.deliveryId();
        recorded.channel = channel;
        recorded.customerId = message.customerId();
        recorded.to = message.address();
        recorded.title = message.title();
        recorded.body = message.body();
        recorded.recordedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return persist(recorded).replaceWithVoid()
                .onFailure(DuplicateKeys::onId)
                .recoverWithNull();
    }

    /** Newest first, at most {@code limit}; by customer and channel when given. */
    public Uni<List<RecordedMessage>> list(String customerId, String channel, int limit) {
        Bson filter = and(customerId == null ? empty() : eq("customerId", customerId),
                channel == null ? empty() : eq("channel", channel));
        return mongoCollection().find(filter, new FindOptions().sort(Sorts.descending("recordedAt")).limit(limit))
                .collect().asList();
    }

    public Uni<Void> erase(String customerId) {
        return mongoCollection().updateMany(eq("customerId", customerId), Updates.combine(Updates.set("to", null),
                        Updates.set("title", Recipient.ERASED), Updates.set("body", Recipient.ERASED)))
                .replaceWithVoid();
    }
}
