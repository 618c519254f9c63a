package io.careline.claimcare.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.claimcare.config.CareConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;

/**
 * The visit-to-payment clock over the claims paid in a period: median, 90th percentile (continuous, as PostgreSQL's
 * percentile_cont) and the share paid within the target; and how fast green-channel claims were paid from report.
 * Read with plain SQL: the percentiles are computed where the rows are.
 */
@ApplicationScoped
public class ClaimClockReport {

    private static final String SQL = """
            SELECT count(*) AS paid,
                   count(visited_at) AS measured,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - visited_at)) AS median_s,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - visited_at)) AS p90_s,
                   count(*) FILTER (WHERE paid_at - visited_at <= make_interval(secs => $3)) AS within_target,
                   count(*) FILTER (WHERE green_channel) AS green_paid,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - reported_at))
                       FILTER (WHERE green_channel) AS green_median_s,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - reported_at))
                       FILTER (WHERE green_channel) AS green_p90_s,
                   count(*) FILTER (WHERE green_channel AND paid_at - reported_at <= make_interval(secs => $4))
                       AS green_within_target,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - visited_at))
                       FILTER (WHERE green_channel) AS green_visit_median_s
              FROM claim
             WHERE paid_at >= $1 AND paid_at < $2""";

    private final Pool pool;
    private final CareConfig config;

    public ClaimClockReport(Pool pool, CareConfig config) {
        this.pool = pool;
        this.config = config;
    }

    /** Minutes; null when nothing was measured. Shares are 0..1, null when nothing was measured. */
    public record Clock(LocalDate from, LocalDate to, long claimsPaid, long claimsMeasured, Double medianMinutes,
            Double p90Minutes, long targetMinutes, Double shareWithinTarget, GreenChannel greenChannel) {
    }

    public record GreenChannel(long claimsPaid, Double medianMinutesReportToPayment, Double p90MinutesReportToPayment,
            long targetHours, Double shareWithinTarget, Double medianMinutesVisitToPayment) {
    }

    /** Claims paid from the start of {@code from} to the end of {@code to} (UTC days, both included). */
    public Uni<Clock> between(LocalDate from, LocalDate to) {
        Duration target = config.report().visitToPaymentTarget();
        Duration greenTarget = config.report().greenChannelTarget();
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        return pool.preparedQuery(SQL)
                .execute(Tuple.of(start, end, (double) target.toSeconds(), (double) greenTarget.toSeconds()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long measured = row.getLong("measured");
                    long greenPaid = row.getLong("green_paid");
                    return new Clock(from, to, row.getLong("paid"), measured, minutes(row, "median_s"),
                            minutes(row, "p90_s"), target.toMinutes(),
                            measured == 0 ? null : (double) row.getLong("within_target") / measured,
                            new GreenChannel(greenPaid, minutes(row, "green_median_s"), minutes(row, "green_p90_s"),
                                    greenTarget.toHours(),
                                    greenPaid == 0 ? null : (double) row.getLong("green_within_target") / greenPaid,
                                    minutes(row, "green_visit_median_s")));
                });
    }

    private static Double minutes(Row row, String column) {
        Double seconds = row.getDouble(column);
        return seconds == null ? null : Math.round(seconds / 60.0 * 10) / 10.0;
    }
}
