package io.careline.notification.messaging;

/**
 * A record this service cannot read at all: not JSON, not an envelope, or a known event missing what it needs.
 * Retrying cannot help, so it goes to the dead-letter topic; its message becomes the record's dead-letter-reason.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message, null, false, false);
    }
}
