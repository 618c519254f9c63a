package io.careline.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CompletionException;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.ServerAddress;
import com.mongodb.WriteError;

/** Which failures the consumer waits out (retry) and which it does not. */
class TransientFailuresTest {

    @Test
    void anUnreachableStoreIsTransientEvenWhenWrapped() {
        assertThat(TransientFailures.isTransient(new MongoTimeoutException("no server selected"))).isTrue();
        assertThat(TransientFailures.isTransient(new CompletionException(
                new MongoSocketOpenException("refused", new ServerAddress("127.0.0.1", 27017))))).isTrue();
    }

    @Test
    void unreadableRecordsAndRefusedWritesAreNot() {
        assertThat(TransientFailures.isTransient(new UnreadableEventException("not JSON"))).isFalse();
        assertThat(TransientFailures.isTransient(new MongoWriteException(
                new WriteError(121, "Document failed validation", new BsonDocument()), new ServerAddress(), Set.of())))
                .isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
    }
}
