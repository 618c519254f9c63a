package io.careline.claimcare.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The programme's figures for a period, per region, from the service's own records: volunteers enrolled and active,
 * people in care, one-to-one activities (person-times), group activities and attendance, beneficiaries by criterion
 * (from the anonymous eligibility facts, so erasure does not change them) and how long after payment care began.
 * Each figure is one grouped query; a region's figures come from the region of the volunteer, the beneficiary, or
 * the group activity they count.
 */
@ApplicationScoped
public class ProgrammeReport {

    // $1 period start, $2 period end (exclusive), $3 region or null for all
    private static final String VOLUNTEERS = """
            SELECT v.region,
                   count(*) FILTER (WHERE v.enrolled_at < $2 AND (v.left_at IS NULL OR v.left_at >= $1)) AS enrolled,
                   count(*) FILTER (WHERE v.enrolled_at >= $1 AND v.enrolled_at < $2) AS newly_enrolled,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM activity a WHERE a.volunteer_id = v.id
                                                   AND a.occurred_at >= $1 AND a.occurred_at < $2)
                                       OR EXISTS (SELECT 1 FROM group_sign_up s JOIN group_activity g ON g.id = s.group_activity_id
                                                   WHERE s.volunteer_id = v.id AND s.attended
                                                   AND g.starts_at >= $1 AND g.starts_at < $2)) AS active
              FROM volunteer v
             WHERE ($3::text IS NULL OR v.region = $3)
             GROUP BY v.region""";
    private static final String PEOPLE = """
            SELECT b.region,
                   count(*) FILTER (WHERE b.care_started_at < $2 AND (b.ended_at IS NULL OR b.ended_at >= $1)) AS in_care,
                   count(*) FILTER (WHERE b.care_started_at >= $1 AND b.care_started_at < $2) AS care_started
              FROM beneficiary b
             WHERE b.care_started_at IS NOT NULL AND ($3::text IS NULL OR b.region = $3)
             GROUP BY b.region""";
    private static final String ONE_TO_ONE = """
            SELECT b.region, count(*) AS activities, count(*) FILTER (WHERE a.kind = 'VISIT') AS visits,
                   count(DISTINCT a.beneficiary_id) AS people_reached
              FROM activity a JOIN beneficiary b ON b.id = a.beneficiary_id
             WHERE a.occurred_at >= $1 AND a.occurred_at < $2 AND ($3::text IS NULL OR b.region = $3)
             GROUP BY b.region""";
    private static final String GROUPS = """
            SELECT g.region, count(DISTINCT g.id) AS held, count(s.id) AS sign_ups,
                   count(s.id) FILTER (WHERE s.attended) AS attendances
              FROM group_activity g LEFT JOIN group_sign_up s ON s.group_activity_id = g.id
             WHERE g.starts_at >= $1 AND g.starts_at < $2 AND ($3::text IS NULL OR g.region = $3)
             GROUP BY g.region""";
    private static final String CRITERIA = """
            SELECT f.criterion, count(*) AS beneficiaries
              FROM eligibility_fact f
             WHERE f.proposed_at >= $1 AND f.proposed_at < $2 AND ($3::text IS NULL OR f.region = $3)
             GROUP BY f.criterion""";
    private static final String CARE_START = """
            SELECT count(*) AS measured,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM b.care_started_at - b.paid_at)) AS median_s,
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM b.care_started_at - b.paid_at)) AS p90_s
              FROM beneficiary b
             WHERE b.care_started_at >= $1 AND b.care_started_at < $2 AND ($3::text IS NULL OR b.region = $3)""";

    private final Pool pool;

    public ProgrammeReport(Pool pool) {
        this.pool = pool;
    }

    public record Figures(LocalDate from, LocalDate to, String region, Volunteers volunteers, People people,
            OneToOne oneToOne, Groups groupActivities, Map<Criterion, Long> beneficiariesByCriterion,
            CareStart careStartAfterPayment, List<RegionFigures> byRegion) {
    }

    /** Enrolled: registered by the period's end and not gone before its start; active: did something in it. */
    public record Volunteers(long enrolled, long newlyEnrolled, long active) {
    }

    public record People(long inCare, long careStarted) {
    }

    /** Person-times: every activity counts once, visits are the in-person subset that are visits. */
    public record OneToOne(long activities, long visits, long peopleReached) {
    }

    public record Groups(long held, long signUps, long attendances) {
    }

    /** Days from payment to the first volunteer assigned, for care that began in the period; null if none did. */
    public record CareStart(long measured, Double medianDays, Double p90Days) {
    }

    public record RegionFigures(String region, Volunteers volunteers, People people, OneToOne oneToOne, Groups groupActivities) {
    }

    public Uni<Figures> between(LocalDate from, LocalDate to, String region) {
        Tuple period = Tuple.of(from.atStartOfDay().atOffset(ZoneOffset.UTC),
                to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC), region);
        return query(VOLUNTEERS, period).chain(volunteers -> query(PEOPLE, period)
                .chain(people -> query(ONE_TO_ONE, period)
                        .chain(oneToOne -> query(GROUPS, period)
                                .chain(groups -> query(CRITERIA, period)
                                        .chain(criteria -> query(CARE_START, period)
                                                .map(start -> assemble(from, to, region, volunteers, people, oneToOne,
                                                        groups, criteria, start.get(0))))))));
    }

    private Uni<List<Row>> query(String sql, Tuple period) {
        return pool.preparedQuery(sql).execute(period).map(ProgrammeReport::rows);
    }

    private static Figures assemble(LocalDate from, LocalDate to, String region, List<Row> volunteers, List<Row> people,
            List<Row> oneToOne, List<Row> groups, List<Row> criteria, Row start) {
        Map<String, RegionFigures> regions = new TreeMap<>();
        for (Row row : volunteers) {
            regions.compute(row.getString("region"), (r, f) -> with(r, f, new Volunteers(row.getLong("enrolled"),
                    row.getLong("newly_enrolled"), row.getLong("active")), null, null, null));
        }
        for (Row row : people) {
            regions.compute(row.getString("region"), (r, f) -> with(r, f, null,
                    new People(row.getLong("in_care"), row.getLong("care_started")), null, null));
        }
        for (Row row : oneToOne) {
            regions.compute(row.getString("region"), (r, f) -> with(r, f, null, null, new OneToOne(row.getLong("activities"),
                    row.getLong("visits"), row.getLong("people_reached")), null));
        }
        for (Row row : groups) {
            regions.compute(row.getString("region"), (r, f) -> with(r, f, null, null, null,
                    new Groups(row.getLong("held"), row.getLong("sign_ups"), row.getLong("attendances"))));
        }
        List<RegionFigures> byRegion = new ArrayList<>(regions.values());
        Map<Criterion, Long> byCriterion = new EnumMap<>(Criterion.class);
        for (Criterion criterion : Criterion.values()) {
            byCriterion.put(criterion, 0L);
        }
        criteria.forEach(row -> byCriterion.put(Criterion.valueOf(row.getString("criterion")), row.getLong("beneficiaries")));
        return new Figures(from, to, region,
                new Volunteers(sum(byRegion, f -> f.volunteers().enrolled()), sum(byRegion, f -> f.volunteers().newlyEnrolled()),
                        sum(byRegion, f -> f.volunteers().active())),
                new People(sum(byRegion, f -> f.people().inCare()), sum(byRegion, f -> f.people().careStarted())),
                new OneToOne(sum(byRegion, f -> f.oneToOne().activities()), sum(byRegion, f -> f.oneToOne().visits()),
                        sum(byRegion, f -> f.oneToOne().peopleReached())),
                new Groups(sum(byRegion, f -> f.groupActivities().held()), sum(byRegion, f -> f.groupActivities().signUps()),
                        sum(byRegion, f -> f.groupActivities().attendances())),
                byCriterion,
                new CareStart(start.getLong("measured"), days(start.getDouble("median_s")), days(start.getDouble("p90_s"))),
                byRegion);
    }

    private static RegionFigures with(String region, RegionFigures current, Volunteers v, People p, OneToOne o, Groups g) {
        RegionFigures base = current != null ? current : new RegionFigures(region, new Volunteers(0, 0, 0), new People(0, 0),
                new OneToOne(0, 0, 0), new Groups(0, 0, 0));
        return new RegionFigures(region, v != null ? v : base.volunteers(), p != null ? p : base.people(),
                o != null ? o : base.oneToOne(), g != null ? g : base.groupActivities());
    }

    private static long sum(List<RegionFigures> regions, ToLongFunction<RegionFigures> figure) {
        return regions.stream().mapToLong(figure).sum();
    }

    private static Double days(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 86_400.0 * 10) / 10.0;
    }

    private static List<Row> rows(RowSet<Row> set) {
        List<Row> rows = new ArrayList<>();
        set.forEach(rows::add);
        return rows;
    }
}
