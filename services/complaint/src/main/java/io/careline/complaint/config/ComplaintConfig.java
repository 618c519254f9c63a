package io.careline.complaint.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "careline.complaint")
public interface ComplaintConfig {

    /** How long after receipt the first reply is due ("first reply within 48 hours"). */
    @WithDefault("48H")
    Duration firstReplyTarget();

    /**
     * The channels complaints come through, as codes (case does not matter; stored upper case). app and web are the
     * customer's own clients, partner the partner API; the others are entered by an agent on the customer's behalf.
     */
    @WithDefault("app,web,hotline,sms,kiosk,partner")
    List<String> channels();

    /** How long after resolution the customer may reopen a complaint themselves. */
    @WithDefault("14D")
    Duration reopenWindow();

    /** The team whose queue a complaint filed by a customer or a partner lands in; none: supervisors triage them. */
    Optional<String> intakeTeam();

    Compensation compensation();

    Network network();

    Draw draw();

    interface Compensation {
        /** A verified overcharge above this needs a supervisor's approval (four eyes). */
        @WithDefault("500.00")
        BigDecimal approvalThreshold();
    }

    interface Network {
        /** Reports this close to an incident's first report are the same incident. */
        @WithDefault("2.0")
        double incidentRadiusKm();

        /** ... if they happened within this long of the incident's earliest to latest report. */
        @WithDefault("6H")
        Duration incidentWindow();

        /** How far back a report may date its problem. */
        @WithDefault("35D")
        Duration reportMaxAge();
    }

    interface Draw {
        /** Winners drawn each month among the confirmed reporters. */
        @WithDefault("50")
        int winners();

        /** Each winner's reward. */
        @WithDefault("1000")
        BigDecimal amount();

        @WithDefault("EUR")
        String currency();
    }
}
