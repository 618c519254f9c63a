package io.careline.claimcare.messaging;

/** A record that cannot be read as an event: the only failure that goes to the dead-letter topic. */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }
}
