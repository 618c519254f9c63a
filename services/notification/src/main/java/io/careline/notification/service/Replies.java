package io.careline.notification.service;

import io.careline.contracts.complaint.ComplaintReplied;

/**
 * The words of a "you have a reply" notice. The event carries no text of the reply (the customer reads it in the
 * app), so neither does the notice: only the complaint's reference.
 */
final class Replies {

    private Replies() {
    }

    static String title(ComplaintReplied reply) {
        return "You have a reply on complaint " + reply.reference();
    }

    static String body(ComplaintReplied reply) {
        return "We replied to your complaint " + reply.reference() + ". Open the complaint in the app to read the reply.";
    }
}
