package io.careline.complaint.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.careline.complaint.sla.BusinessCalendar.Period;
import io.careline.complaint.sla.PolicyBook.NamedCalendar;
import io.careline.service.problem.UnprocessableRequestException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The policies and calendars, read from the database at the first use and again every
 * {@code careline.sla.policies-refresh} in the background, and at once after an edit: filing a complaint matches its
 * policy in memory, without a second connection while its transaction holds one.
 */
@ApplicationScoped
public class SlaPolicies {

    private static final Logger LOG = Logger.getLogger(SlaPolicies.class);
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final Pool pool;
    private final AtomicReference<PolicyBook> current = new AtomicReference<>();

    public SlaPolicies(Pool pool) {
        this.pool = pool;
    }

    public Uni<PolicyBook> book() {
        PolicyBook book = current.get();
        return book != null ? Uni.createFrom().item(book) : reload();
    }

    /** Reads the policies and calendars again (another replica may have edited them). */
    @Scheduled(every = "${careline.sla.policies-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return reload()
                .onFailure().invoke(e -> LOG.warnf("SLA policies not refreshed, the last read stays: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<PolicyBook> reload() {
        return load().invoke(current::set);
    }

    /**
     * Creates or replaces a policy. Clocks already running keep the targets they started with; complaints filed from
     * now on are matched against the new book.
     */
    public Uni<SlaPolicy> save(SlaPolicy policy) {
        return pool.preparedQuery("""
                INSERT INTO sla_policy (id, name, category, priority, channel, first_reply_target_minutes,
                    resolution_target_minutes, calendar_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
                ON CONFLICT (id) DO UPDATE SET name = excluded.name, category = excluded.category,
                    priority = excluded.priority, channel = excluded.channel,
                    first_reply_target_minutes = excluded.first_reply_target_minutes,
                    resolution_target_minutes = excluded.resolution_target_minutes, calendar_id = excluded.calendar_id""")
                .execute(Tuple.from(Arrays.asList(policy.id(), policy.name(), policy.category(), policy.priority(),
                        policy.channel(), (int) policy.firstReplyTarget().toMinutes(),
                        (int) policy.resolutionTarget().toMinutes(), policy.calendarId())))
                .onFailure(PgException.class).transform(e -> {
                    String state = ((PgException) e).getSqlState();
                    if (UNIQUE_VIOLATION.equals(state)) {
                        return new UnprocessableRequestException("channel",
                                "another policy already matches this category, priority and channel");
                    }
                    if (FOREIGN_KEY_VIOLATION.equals(state)) {
                        return new UnprocessableRequestException("calendarId", "is not a calendar");
                    }
                    return e;
                })
                .chain(this::reload)
                .replaceWith(policy);
    }

    private Uni<PolicyBook> load() {
        Uni<RowSet<Row>> calendars = pool.query("SELECT id, name, timezone FROM sla_calendar").execute();
        Uni<RowSet<Row>> periods = pool.query("SELECT calendar_id, day_of_week, starts_at, ends_at FROM sla_calendar_period").execute();
        Uni<RowSet<Row>> holidays = pool.query("SELECT calendar_id, day, name FROM sla_calendar_holiday").execute();
        Uni<RowSet<Row>> policies = pool.query("""
                SELECT id, name, category, priority, channel, first_reply_target_minutes, resolution_target_minutes,
                       calendar_id FROM sla_policy ORDER BY id""").execute();
        return Uni.combine().all().unis(calendars, periods, holidays, policies).asTuple().map(rows -> {
            Map<String, Map<DayOfWeek, List<Period>>> weeks = new HashMap<>();
            for (Row row : rows.getItem2()) {
                weeks.computeIfAbsent(row.getString("calendar_id"), id -> new EnumMap<>(DayOfWeek.class))
                        .computeIfAbsent(DayOfWeek.of(row.getShort("day_of_week")), day -> new ArrayList<>())
                        .add(new Period(row.getLocalTime("starts_at"), row.getLocalTime("ends_at")));
            }
            Map<String, TreeMap<LocalDate, String>> days = new HashMap<>();
            for (Row row : rows.getItem3()) {
                days.computeIfAbsent(row.getString("calendar_id"), id -> new TreeMap<>())
                        .put(row.getLocalDate("day"), row.getString("name"));
            }
            Map<String, NamedCalendar> named = new HashMap<>();
            for (Row row : rows.getItem1()) {
                String id = row.getString("id");
                TreeMap<LocalDate, String> off = days.getOrDefault(id, new TreeMap<>());
                named.put(id, new NamedCalendar(row.getString("name"), new BusinessCalendar(id,
                        ZoneId.of(row.getString("timezone")), weeks.getOrDefault(id, Map.of()), off.keySet()), off));
            }
            List<SlaPolicy> list = new ArrayList<>();
            for (Row row : rows.getItem4()) {
                list.add(new SlaPolicy(row.getString("id"), row.getString("name"), row.getString("category"),
                        row.getString("priority"), row.getString("channel"),
                        Duration.ofMinutes(row.getInteger("first_reply_target_minutes")),
                        Duration.ofMinutes(row.getInteger("resolution_target_minutes")), row.getString("calendar_id")));
            }
            return new PolicyBook(List.copyOf(list), Map.copyOf(named));
        });
    }
}
