package io.careline.service.messaging;

/** A record that cannot be read as an event: the only failure a consumer sends to its dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message, null, false, false);
    }
}
