package io.careline.complaint.sla.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.complaint.sla.LedgerEntry;
import io.careline.complaint.sla.SlaLedger;
import io.careline.complaint.sla.SlaLedger.Verification;
import io.careline.complaint.sla.SlaPolicies;
import io.careline.complaint.sla.SlaPolicy;
import io.careline.complaint.sla.SlaReports;
import io.careline.complaint.sla.SlaTimers;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/complaints/sla")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA clock", description = "Policies, the tamper-evident ledger of every clock transition, and the monthly compliance report")
public class SlaResource {

    static final String CSV = "text/csv";
    private static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z";
    private static final String INSTANT_MESSAGE = "must be an ISO-8601 UTC instant such as 2026-11-01T00:00:00Z";
    // the ledger's whole range when the caller gives no bound
    private static final Instant BEGINNING = Instant.EPOCH;
    private static final Instant END = Instant.parse("9999-12-31T00:00:00Z");
    private static final Duration MAX_TARGET = Duration.ofDays(366);

    private final SlaPolicies policies;
    private final SlaLedger ledger;
    private final SlaReports reports;

    public SlaResource(SlaPolicies policies, SlaLedger ledger, SlaReports reports) {
        this.policies = policies;
        this.ledger = ledger;
        this.reports = reports;
    }

    @GET
    @Path("policies")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, SlaTimers.MANAGER, Roles.ADMIN })
    @Operation(summary = "The SLA policies", description = "Matched by category, priority and channel (null: any); the "
            + "most specific wins. Targets are ISO-8601 durations of calendar hours, or of a business calendar's working hours.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "default and hotline", value = """
                    [{"id":"default","name":"Every complaint: first reply within 48 h, resolved within 10 days","category":null,
                      "priority":null,"channel":null,"firstReplyTarget":"PT48H","resolutionTarget":"PT240H","hours":"CALENDAR","calendar":null},
                     {"id":"hotline-office-hours","name":"Hotline complaints: 16 office hours to reply, 80 to resolve","category":null,
                      "priority":null,"channel":"HOTLINE","firstReplyTarget":"PT16H","resolutionTarget":"PT80H","hours":"BUSINESS",
                      "calendar":{"id":"office-moscow","name":"Moscow care office","timezone":"Europe/Moscow",
                      "week":{"MONDAY":["09:00–12:00","13:00–18:00"]},"holidays":[{"day":"2026-11-04","name":"Unity Day"}]}}]""")))
    public Uni<List<PolicyView>> policies() {
        return Uncancellable.run(() -> policies.book()
                .map(book -> book.policies().stream().map(policy -> PolicyView.of(policy, book)).toList()));
    }

    @PUT
    @Path("policies/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace a policy", description = "Complaints filed from now on are matched against "
            + "it; clocks already running keep their targets. One policy per combination of category, priority and "
            + "channel (422 naming channel otherwise); calendarId names a business calendar, or is null for calendar hours.")
    public Uni<PolicyView> savePolicy(
            @RestPath @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be 1 to 40 lowercase letters, digits or dashes") String id,
            @Valid @NotNull PolicyRequest request) {
        Duration firstReply = target("firstReplyTarget", request.firstReplyTarget());
        Duration resolution = target("resolutionTarget", request.resolutionTarget());
        SlaPolicy policy = new SlaPolicy(id, request.name().strip(), request.category(), request.priority(), request.channel(),
                firstReply, resolution, request.calendarId());
        return Uncancellable.run(() -> policies.save(policy).chain(policies::book).map(book -> PolicyView.of(policy, book)));
    }

    private static Duration target(String field, String value) {
        Duration target = Duration.parse(value);
        if (target.isZero() || target.compareTo(MAX_TARGET) > 0) {
            throw new UnprocessableRequestException(field, "must be more than zero and at most " + MAX_TARGET.toHours() + " hours");
        }
        return target;
    }

    @GET
    @Path("ledger/verify")
    @RolesAllowed({ Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Verify the SLA ledger", description = "Walks the whole hash chain and names the first entry "
            + "that was changed, removed or reordered.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "intact", value = "{\"valid\":true,\"entries\":1284,\"headSeq\":1284,\"firstBroken\":null}"),
            @ExampleObject(name = "an entry deleted", value = """
                    {"valid":false,"entries":41,"headSeq":1284,"firstBroken":{"seq":42,"reason":"entries 42 are missing"}}""") }))
    public Uni<Verification> verify() {
        return Uncancellable.run(ledger::verify);
    }

    @GET
    @Path("ledger")
    @RolesAllowed({ Roles.SUPERVISOR, SlaTimers.MANAGER, Roles.ADMIN })
    @Operation(summary = "Export the SLA ledger", description = "Entries recorded in [from, to), in chain order, each with "
            + "its canonical payload and hashes: hash = lowercase hex SHA-256 of UTF-8 (prevHash + payload), the first "
            + "entry's prevHash is 64 zeros. A third party recomputes the chain and every report figure from this.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(
            name = "one entry", value = """
                    {"items":[{"seq":1,"recordedAt":"2026-11-02T09:30:00.123456Z","type":"STARTED",
                    "payload":"{\\"at\\":\\"2026-11-02T09:30:00.123456Z\\",\\"clock\\":\\"FIRST_REPLY\\",\\"clockId\\":\\"…\\",\\"seq\\":1,…}",
                    "prevHash":"0000000000000000000000000000000000000000000000000000000000000000",
                    "hash":"9f2c…"}],"page":0,"size":20,"total":1}""")))
    public Uni<PageView<LedgerEntry>> export(
            @Parameter(description = "Recorded at or after (UTC), e.g. 2026-11-01T00:00:00Z") @RestQuery @Pattern(regexp = INSTANT, message = INSTANT_MESSAGE) String from,
            @Parameter(description = "Recorded before (UTC)") @RestQuery @Pattern(regexp = INSTANT, message = INSTANT_MESSAGE) String to,
            @Valid @BeanParam PageRequest page) {
        Instant start = from == null ? BEGINNING : instant("from", from);
        Instant end = to == null ? END : instant("to", to);
        if (!end.isAfter(start)) {
            throw new UnprocessableRequestException("to", "must be after from");
        }
        return Uncancellable.run(() -> ledger.page(start, end, page.page, page.size)
                .chain(items -> ledger.count(start, end).map(total -> new PageView<>(items, page.page, page.size, total))));
    }

    @GET
    @Path("reports/{month}")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @RolesAllowed({ Roles.SUPERVISOR, SlaTimers.MANAGER, Roles.ADMIN })
    @Operation(summary = "Monthly first-reply compliance", description = "Replayed from the SLA ledger alone: the "
            + "complaints received in the month (first-reply clocks started in it), replied, replied within target "
            + "(count and % of those replied), the late ones with how late (working time past the target), and those still "
            + "unanswered; overall, per team and per agent. As CSV with Accept: text/csv or the path {month}.csv.")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "November", value = """
                    {"month":"2026-11","zone":"UTC","asOf":"2026-12-01T08:00:00Z","clocks":4,
                     "overall":{"received":4,"replied":3,"repliedWithinTarget":2,"withinTargetPercent":66.7,
                       "late":[{"complaintId":"…","reference":"CMP-7K2M9Q","dueAt":"2026-11-04T09:30:00Z",
                         "repliedAt":"2026-11-04T12:30:00Z","lateBySeconds":10800,"lateBy":"PT3H"}],
                       "unanswered":1,"unansweredOverdue":1},
                     "teams":[{"name":"north","figures":{"received":4,"replied":3,"repliedWithinTarget":2,"withinTargetPercent":66.7,"late":[],"unanswered":1,"unansweredOverdue":1}}],
                     "agents":[]}""")),
            @Content(mediaType = CSV, examples = @ExampleObject(name = "November as CSV", value = """
                    row,scope,name,received,replied,replied_within_target,within_target_percent,unanswered,unanswered_overdue,complaint_id,reference,due_at,replied_at,late_by_seconds
                    summary,overall,2026-11,4,3,2,66.7,1,1,,,,,
                    late,overall,2026-11,,,,,,,6f1c1d2e-8a51-4c8e-9a57-0d6b3f1c2a10,CMP-7K2M9Q,2026-11-04T09:30:00Z,2026-11-04T12:30:00Z,10800""")) })
    public Uni<RestResponse<Object>> report(
            @Parameter(description = "yyyy-MM, optionally followed by .csv") @RestPath @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])(\\.csv)?", message = "must be a month as yyyy-MM (or yyyy-MM.csv)") String month,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean csv = month.endsWith(".csv") || (accept != null && accept.contains(CSV) && !accept.contains(MediaType.APPLICATION_JSON));
        YearMonth yearMonth = YearMonth.parse(month.substring(0, 7));
        return Uncancellable.run(() -> reports.month(yearMonth).map(report -> csv
                ? RestResponse.ResponseBuilder.<Object> ok(SlaReports.csv(report), CSV + "; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"sla-" + yearMonth + ".csv\"").build()
                : RestResponse.ResponseBuilder.<Object> ok(report, MediaType.APPLICATION_JSON).build()));
    }

    private static Instant instant(String field, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnprocessableRequestException(field, "is not a date and time that exists");
        }
    }
}
