package io.careline.customer.repository;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/**
 * Reads a duplicate-key error: which unique index refused the write and the value it refused. E11000 messages name
 * both: {@code E11000 duplicate key error collection: db.customer index: verified_contact_unique dup key: { verifiedContacts: "email:a@b.c" }}.
 */
public record DuplicateKey(String index, String value) {

    private static final Pattern MESSAGE = Pattern.compile("\\bindex: (?:\\S+\\$)?(\\S+)\\s+dup key: \\{ [^:]*: \"?([^\"]*)\"? }");

    public static Optional<DuplicateKey> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                    && write.getError().getMessage() != null) {
                Matcher matcher = MESSAGE.matcher(write.getError().getMessage());
                return Optional.of(matcher.find() ? new DuplicateKey(matcher.group(1), matcher.group(2))
                        : new DuplicateKey("", ""));
            }
        }
        return Optional.empty();
    }

    public static boolean on(Throwable failure, String index) {
        return of(failure).filter(duplicate -> duplicate.index().equals(index)).isPresent();
    }

    public boolean onId() {
        return "_id_".equals(index);
    }
}
