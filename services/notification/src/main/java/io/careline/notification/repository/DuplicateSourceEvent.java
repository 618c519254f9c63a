package io.careline.notification.repository;

import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/**
 * Recognises the one duplicate-key error that means "this event was applied before": an insert refused by the
 * de-duplication index, named {@value InboxMessageRepository#SOURCE_EVENT_INDEX}. A duplicate on any other index, or
 * an index build that failed over duplicates, is a real failure and must not pass for a redelivery.
 */
final class DuplicateSourceEvent {

    /**
     * E11000 messages name the index. MongoDB 3.0+ and mongo-java-server: {@code E11000 duplicate key error
     * collection: db.inbox_message index: source_event_unique dup key: { ... }}; MongoDB 2.x:
     * {@code E11000 duplicate key error index: db.inbox_message.$source_event_unique  dup key: { ... }}.
     */
    private static final Pattern NAMES_THE_INDEX = Pattern.compile(
            "\\bindex: (?:\\S+\\$)?" + Pattern.quote(InboxMessageRepository.SOURCE_EVENT_INDEX) + "\\s+dup key");

    private DuplicateSourceEvent() {
    }

    static boolean matches(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoWriteException write
                    && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                    && write.getError().getMessage() != null
                    && NAMES_THE_INDEX.matcher(write.getError().getMessage()).find()) {
                return true;
            }
        }
        return false;
    }
}
