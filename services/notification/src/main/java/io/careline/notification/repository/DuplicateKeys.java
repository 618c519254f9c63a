package io.careline.notification.repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** The duplicate-key error of an upsert whose filter missed a document that exists: the change was applied before. */
public final class DuplicateKeys {

    private DuplicateKeys() {
    }

    public static boolean onId(Throwable failure) {
        return failure instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                && write.getError().getMessage() != null && write.getError().getMessage().contains("_id_");
    }
}
