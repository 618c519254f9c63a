package io.careline.complaint.sla;

import java.time.Duration;
import java.time.ZoneId;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "careline.sla")
public interface SlaConfig {

    /** The share of a target at which its clock warns (SlaWarning), 0 < share < 1. */
    @WithDefault("0.75")
    @DecimalMin(value = "0", inclusive = false)
    @DecimalMax(value = "1", inclusive = false)
    double warningShare();

    /**
     * How often each replica reads the policies and calendars again (read by SlaPolicies' schedule; an edit applies
     * at once on the replica that took it).
     */
    @WithDefault("30s")
    Duration policiesRefresh();

    /** The zone a month of the compliance report is cut in. */
    @WithDefault("UTC")
    ZoneId reportZone();

    Timers timers();

    Ledger ledger();

    interface Ledger {
        /** How often the chainer links the entries written since (read by SlaLedger's schedule); "off" never. */
        @WithDefault("1s")
        String chainInterval();

        /** Entries chained per transaction. */
        @WithDefault("500")
        @Min(1)
        int chainBatchSize();

        /** Batches per tick at most; the rest waits for the next tick. */
        @WithDefault("50")
        @Min(1)
        int chainMaxBatches();
    }

    interface Timers {
        /** How often the worker looks for due clocks (read by SlaTimers' schedule); "off" never. */
        @WithDefault("1s")
        String interval();

        /** Clocks claimed per transaction. */
        @WithDefault("200")
        int batchSize();

        /** Batches per tick at most; the rest waits for the next tick. */
        @WithDefault("50")
        int maxBatches();
    }
}
