package io.careline.complaint.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * The monthly first-reply compliance report, replayed from the ledger alone (the payloads that were hashed): the
 * first-reply clocks started in the month, where each stands now, overall, per team and per agent. A reply is
 * credited to who made it when the lifecycle said so, else to the assignee; an open complaint to its assignee.
 */
@ApplicationScoped
public class SlaReports {

    public static final String UNASSIGNED = "(unassigned)";

    public record LateReply(UUID complaintId, String reference, Instant dueAt, Instant repliedAt, long lateBySeconds,
            String lateBy) {
    }

    /** {@code withinTargetPercent} is of the replied complaints, null when none was; late ones are listed. */
    public record Figures(long received, long replied, long repliedWithinTarget, BigDecimal withinTargetPercent,
            List<LateReply> late, long unanswered, long unansweredOverdue) {
    }

    public record Group(String name, Figures figures) {
    }

    public record Report(String month, String zone, Instant asOf, long clocks, Figures overall, List<Group> teams,
            List<Group> agents) {
    }

    /** A first-reply clock as the ledger tells it. */
    private static final class Replayed {
        UUID complaintId;
        String reference;
        Instant dueAt;
        String assignee;
        String team;
        boolean breached;
        Instant stoppedAt;
        boolean met;
        long overBySeconds;

        String agent() {
            return assignee == null ? UNASSIGNED : assignee;
        }

        String teamName() {
            return team == null ? UNASSIGNED : team;
        }
    }

    private final SlaLedger ledger;
    private final SlaConfig config;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public SlaReports(SlaLedger ledger, SlaConfig config, Clock clock) {
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Report> month(YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(config.reportZone()).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(config.reportZone()).toInstant();
        Instant asOf = clock.instant();
        return ledger.firstReplyClocksStarted(from, to).map(entries -> {
            Map<String, Replayed> clocks = new LinkedHashMap<>();
            for (LedgerEntry entry : entries) {
                apply(clocks, read(entry));
            }
            List<Replayed> all = List.copyOf(clocks.values());
            return new Report(month.toString(), config.reportZone().getId(), asOf, all.size(), figures(all, asOf),
                    groups(all, Replayed::teamName, asOf), groups(all, Replayed::agent, asOf));
        });
    }

    private JsonNode read(LedgerEntry entry) {
        try {
            return json.readTree(entry.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ledger entry " + entry.seq() + " is not JSON; verify the ledger", e);
        }
    }

    private static void apply(Map<String, Replayed> clocks, JsonNode entry) {
        Replayed clock = clocks.computeIfAbsent(entry.path("clockId").asText(), id -> new Replayed());
        clock.complaintId = UUID.fromString(entry.path("complaintId").asText());
        if (entry.hasNonNull("reference")) {
            clock.reference = entry.path("reference").asText();
        }
        if (entry.hasNonNull("dueAt")) {
            clock.dueAt = Instant.parse(entry.path("dueAt").asText());
        }
        // every entry carries the clock's assignee and team as they stood
        clock.assignee = entry.hasNonNull("assignee") ? entry.path("assignee").asText() : null;
        clock.team = entry.hasNonNull("team") ? entry.path("team").asText() : null;
        switch (entry.path("type").asText()) {
            case "BREACHED" -> clock.breached = true;
            case "STOPPED" -> {
                clock.stoppedAt = Instant.parse(entry.path("at").asText());
                clock.met = "MET".equals(entry.path("outcome").asText());
                clock.overBySeconds = entry.path("overBySeconds").asLong();
                if (entry.hasNonNull("by")) {
                    clock.assignee = entry.path("by").asText();
                    clock.team = entry.hasNonNull("byTeam") ? entry.path("byTeam").asText() : null;
                }
            }
            default -> {
            }
        }
    }

    private static List<Group> groups(List<Replayed> clocks, Function<Replayed, String> key, Instant asOf) {
        Map<String, List<Replayed>> byKey = new TreeMap<>();
        clocks.forEach(clock -> byKey.computeIfAbsent(key.apply(clock), k -> new ArrayList<>()).add(clock));
        return byKey.entrySet().stream().map(group -> new Group(group.getKey(), figures(group.getValue(), asOf))).toList();
    }

    private static Figures figures(List<Replayed> clocks, Instant asOf) {
        long replied = 0;
        long within = 0;
        long unanswered = 0;
        long overdue = 0;
        List<LateReply> late = new ArrayList<>();
        for (Replayed clock : clocks) {
            if (clock.stoppedAt == null) {
                unanswered++;
                if (clock.breached || (clock.dueAt != null && !clock.dueAt.isAfter(asOf))) {
                    overdue++;
                }
            } else {
                replied++;
                if (clock.met) {
                    within++;
                } else {
                    late.add(new LateReply(clock.complaintId, clock.reference, clock.dueAt, clock.stoppedAt,
                            clock.overBySeconds, Duration.ofSeconds(clock.overBySeconds).toString()));
                }
            }
        }
        late.sort(Comparator.comparingLong(LateReply::lateBySeconds).reversed().thenComparing(LateReply::complaintId));
        BigDecimal percent = replied == 0 ? null
                : BigDecimal.valueOf(within * 100).divide(BigDecimal.valueOf(replied), 1, RoundingMode.HALF_UP);
        return new Figures(clocks.size(), replied, within, percent, List.copyOf(late), unanswered, overdue);
    }

    /** The report as CSV: one summary row per scope (overall, each team, each agent), then one row per late reply. */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder("row,scope,name,received,replied,replied_within_target,within_target_percent,"
                + "unanswered,unanswered_overdue,complaint_id,reference,due_at,replied_at,late_by_seconds\n");
        summary(out, "overall", report.month(), report.overall());
        report.teams().forEach(group -> summary(out, "team", group.name(), group.figures()));
        report.agents().forEach(group -> summary(out, "agent", group.name(), group.figures()));
        for (LateReply late : report.overall().late()) {
            out.append(String.join(",", "late", "overall", cell(report.month()), "", "", "", "", "", "",
                    late.complaintId().toString(), cell(late.reference()), String.valueOf(late.dueAt()),
                    late.repliedAt().toString(), String.valueOf(late.lateBySeconds()))).append('\n');
        }
        return out.toString();
    }

    private static void summary(StringBuilder out, String scope, String name, Figures figures) {
        out.append(String.join(",", "summary", scope, cell(name), String.valueOf(figures.received()),
                String.valueOf(figures.replied()), String.valueOf(figures.repliedWithinTarget()),
                figures.withinTargetPercent() == null ? "" : figures.withinTargetPercent().toPlainString(),
                String.valueOf(figures.unanswered()), String.valueOf(figures.unansweredOverdue()), "", "", "", "", ""))
                .append('\n');
    }

    /** RFC 4180 quoting, and no cell that a spreadsheet would run as a formula. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
