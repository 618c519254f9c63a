package io.careline.notification.service;

import io.careline.contracts.complaint.ComplaintResolved;

/** The words of a "your complaint is resolved" notice. */
final class Resolutions {

    private Resolutions() {
    }

    static String title(ComplaintResolved resolved) {
        return "Your complaint " + resolved.reference() + " is resolved";
    }

    static String body(ComplaintResolved resolved) {
        // the reopen window is the complaint service's setting and not in the event, so no number of days here
        return "We have resolved your complaint " + resolved.reference()
                + ". If the problem is still there, you can reopen the complaint in the app for a while.";
    }
}
