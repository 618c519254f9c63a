package io.careline.notification.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

import com.mongodb.DuplicateKeyException;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteConcernResult;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.bulk.BulkWriteResult;

/** Only an insert refused by the de-duplication index, named, counts as "applied before". */
class DuplicateSourceEventTest {

    // as mongo-java-server 1.47 (the local stand-in, seen) and MongoDB 3.0 to 8.0 report it, word for word
    private static final String MONGODB = "E11000 duplicate key error collection: careline_notification.inbox_message "
            + "index: source_event_unique dup key: { sourceEventId: \"6f1c\" }";
    // as MongoDB 2.x reported it: namespace.$index, two spaces
    private static final String MONGODB_2 = "E11000 duplicate key error index: careline_notification.inbox_message"
            + ".$source_event_unique  dup key: { : \"6f1c\" }";

    @Test
    void anInsertRefusedByTheDeDuplicationIndexIsARedelivery() {
        assertThat(DuplicateSourceEvent.matches(insertRefused(11000, MONGODB))).isTrue();
        assertThat(DuplicateSourceEvent.matches(insertRefused(11000, MONGODB_2))).isTrue();
        assertThat(DuplicateSourceEvent.matches(new CompletionException(insertRefused(11000, MONGODB)))).isTrue();
    }

    @Test
    void aDuplicateOnAnyOtherIndexIsAFailure() {
        assertThat(DuplicateSourceEvent.matches(insertRefused(11000,
                "E11000 duplicate key error collection: careline_notification.inbox_message index: _id_ dup key: { _id: 1 }")))
                .isFalse();
        assertThat(DuplicateSourceEvent.matches(insertRefused(11000, MONGODB.replace("source_event_unique",
                "source_event_unique_v2")))).isFalse();
        assertThat(DuplicateSourceEvent.matches(insertRefused(11000, MONGODB.replace("source_event_unique",
                "old_source_event_unique")))).isFalse();
        assertThat(DuplicateSourceEvent.matches(insertRefused(11000, "E11000 duplicate key error"))).isFalse();
    }

    @Test
    void anIndexBuildThatFailedOverDuplicatesOrAnotherErrorIsAFailure() {
        // what createIndex throws when the collection already holds duplicates: it names the index too
        BsonDocument indexBuildFailed = new BsonDocument("code", new BsonInt32(11000))
                .append("errmsg", new BsonString("Index build failed: :: caused by :: " + MONGODB));
        assertThat(DuplicateSourceEvent.matches(new DuplicateKeyException(indexBuildFailed, new ServerAddress(),
                WriteConcernResult.unacknowledged()))).isFalse();
        assertThat(DuplicateSourceEvent.matches(insertRefused(121, "Document failed validation index: source_event_unique dup key")))
                .isFalse();
        assertThat(DuplicateSourceEvent.matches(new IllegalStateException(MONGODB))).isFalse();
        assertThat(DuplicateSourceEvent.matches(new MongoBulkWriteException(BulkWriteResult.unacknowledged(),
                List.of(new BulkWriteError(11000, MONGODB, new BsonDocument(), 0)), null, new ServerAddress(), Set.of())))
                .as("no batch insert exists; one would need its own, per-record, recovery").isFalse();
    }

    private static MongoWriteException insertRefused(int code, String message) {
        return new MongoWriteException(new WriteError(code, message, new BsonDocument()), new ServerAddress(), Set.of());
    }
}
