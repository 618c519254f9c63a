package io.careline.notification.messaging;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;

/** Failures that pass when the store comes back: worth retrying, never a reason to give an event up. */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoSocketException // refused, reset, read timed out
                    || cause instanceof MongoTimeoutException // no server selected within the timeout
                    || cause instanceof MongoConnectionPoolClearedException
                    || cause instanceof MongoNotPrimaryException // replica set election
                    || cause instanceof MongoNodeIsRecoveringException
                    || cause instanceof MongoExecutionTimeoutException
                    || cause instanceof MongoWriteConcernException) {
                return true;
            }
            // the server's own verdict on a write error (e.g. a primary stepping down)
            if (cause instanceof MongoException mongo && mongo.hasErrorLabel("RetryableWriteError")) {
                return true;
            }
        }
        return false;
    }
}
