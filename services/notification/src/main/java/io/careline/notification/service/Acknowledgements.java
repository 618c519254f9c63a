package io.careline.notification.service;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.careline.contracts.complaint.ComplaintReceived;

/**
 * The words of a complaint acknowledgement. The due time in the text is UTC because this service does not know the
 * customer's zone yet; the message also carries {@code firstReplyDueAt} as a field for the apps to show in their zone.
 */
final class Acknowledgements {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Acknowledgements() {
    }

    static String title(ComplaintReceived complaint) {
        return "We received your complaint " + complaint.reference();
    }

    static String body(ComplaintReceived complaint) {
        StringBuilder body = new StringBuilder()
                .append("Thank you. Your complaint ").append(complaint.reference())
                .append(" \"").append(complaint.subject()).append("\" is registered. ")
                .append("You will get a first reply by ").append(DUE.format(complaint.firstReplyDueAt()));
        // the promise is the complaint service's target, as the event states it, not a number fixed here
        long hours = Duration.between(complaint.receivedAt(), complaint.firstReplyDueAt()).toHours();
        if (hours > 0) {
            body.append(" (within ").append(hours).append(hours == 1 ? " hour)" : " hours)");
        }
        return body.append('.').toString();
    }
}
