package io.careline.service.problem;

/**
 * A well-formed request the service cannot carry out as sent (422), naming the field or header at fault, e.g. an
 * Idempotency-Key reused with a different body.
 */
public class UnprocessableRequestException extends RuntimeException {

    private final String field;

    public UnprocessableRequestException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
