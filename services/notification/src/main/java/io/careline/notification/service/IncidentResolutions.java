package io.careline.notification.service;

import java.util.Locale;
import java.util.Map;

import io.careline.contracts.complaint.IncidentResolved;

/** The words of a notice that a network incident the customer reported is resolved. No other reporter is named. */
final class IncidentResolutions {

    private static final Map<String, String> PROBLEMS = Map.of(
            "NO_SIGNAL", "no signal",
            "DROPPED_CALLS", "dropped calls",
            "SLOW_DATA", "slow mobile data",
            "NO_DATA", "no mobile data",
            "OTHER", "a network problem");

    private IncidentResolutions() {
    }

    static String title(IncidentResolved incident) {
        return "The network problem you reported is fixed";
    }

    static String body(IncidentResolved incident) {
        StringBuilder body = new StringBuilder("Thank you for your report. The problem (")
                .append(problem(incident.kind())).append(')');
        if (incident.area() != null && !incident.area().isBlank()) {
            body.append(" in ").append(incident.area());
        }
        return body.append(" has been resolved.").toString();
    }

    /** A kind added later reads as its own name rather than failing the message. */
    private static String problem(String kind) {
        return PROBLEMS.getOrDefault(kind, kind.toLowerCase(Locale.ROOT).replace('_', ' '));
    }
}
