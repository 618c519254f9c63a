package io.careline.customer.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import io.careline.customer.config.CustomerConfig;
import io.careline.customer.messaging.CustomerEvents;
import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Answer;
import io.careline.customer.repository.Customer.FollowUp;
import io.careline.customer.repository.Customer.FollowUpStatus;
import io.careline.customer.repository.Customer.Officer;
import io.careline.customer.repository.Customer.Survey;
import io.careline.customer.repository.Customer.SurveyTrigger;
import io.careline.customer.repository.Customer.Visit;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.CustomerChanges.Change;
import io.smallrye.mutiny.Uni;

/**
 * Follow-up visits: a supervisor makes an officer (an agent) responsible for a customer, who must then be visited at
 * least once per visit period (careline.customer.visits.cadence-months, calendar-aligned). A visit records the
 * questionnaire, the customer's confirmation and the needs it brought up; each need opens a follow-up offer, tracked
 * until completed, and the visit opens a satisfaction survey. A period that ended without a visit raises VisitOverdue
 * once per customer and period: the key and the event are one conditional update, whatever the number of replicas.
 * A customer is due in a period only if their officer was assigned by its start.
 */
@ApplicationScoped
public class VisitService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IN_FLIGHT = 4;
    /** A visit is recorded soon after it took place: older than this is a mistake, not a late report. */
    private static final Duration OLDEST_REPORT = Duration.ofDays(90);
    /** Devices' clocks drift; a visit "a moment from now" is taken as now. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final CustomerRepository customers;
    private final CustomerChanges changes;
    private final CustomerEvents events;
    private final CustomerConfig config;
    private final Clock clock;

    public VisitService(CustomerRepository customers, CustomerChanges changes, CustomerEvents events,
            CustomerConfig config, Clock clock) {
        this.customers = customers;
        this.changes = changes;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /** One customer's standing in a period: visited, due (the period is still running), missed, or not-due. */
    public record Standing(Customer customer, String status, Instant lastVisitAt) {
    }

    public record Compliance(String officer, VisitPeriod period, List<Standing> customers) {

        public long count(String status) {
            return customers.stream().filter(standing -> standing.status().equals(status)).count();
        }
    }

    /** Makes {@code officer} responsible for the customer; assigning the same officer again changes nothing. */
    public Uni<Customer> assign(String customerId, String officer, String supervisor) {
        return changes.apply(customerId, customer -> {
            CustomerService.requireNotErased(customer);
            if (customer.officer != null && customer.officer.username.equals(officer)) {
                return Change.none(customer);
            }
            Officer assigned = new Officer();
            assigned.username = officer;
            assigned.supervisor = supervisor;
            assigned.assignedAt = now();
            customer.officer = assigned;
            return Change.of(customer);
        });
    }

    /**
     * Records a visit by {@code by}: the customer's officer, or a supervisor ({@code supervisor} true) standing in. Each
     * flagged need opens a follow-up offer; a survey about the visit is opened for the customer.
     */
    public Uni<Visit> record(String customerId, VisitReport report, String by, boolean supervisor) {
        Instant now = now();
        Instant visitedAt = report.visitedAt() == null ? now : report.visitedAt().truncatedTo(ChronoUnit.MILLIS);
        if (visitedAt.isAfter(now.plus(CLOCK_SKEW))) {
            return Uni.createFrom().failure(CustomerProblem.invalid("visitedAt", "is in the future"));
        }
        if (visitedAt.isBefore(now.minus(OLDEST_REPORT))) {
            return Uni.createFrom().failure(CustomerProblem.invalid("visitedAt", "is more than 90 days ago"));
        }
        return changes.apply(customerId, customer -> {
            CustomerService.requireNotErased(customer);
            if (!supervisor && (customer.officer == null || !customer.officer.username.equals(by))) {
                throw CustomerProblem.forbidden("not-your-customer", "only the customer's officer or a supervisor records their visits");
            }
            Visit visit = new Visit();
            visit.id = id("V-");
            visit.officer = by;
            visit.visitedAt = visitedAt;
            visit.recordedAt = now;
            for (VisitReport.Answer input : report.answers()) {
                Answer answer = new Answer();
                answer.question = input.question().strip();
                answer.answer = input.answer().strip();
                visit.answers.add(answer);
            }
            visit.confirmation = report.confirmation().method();
            visit.confirmationReference = report.confirmation().reference();
            for (VisitReport.FlaggedNeed need : report.needs() == null ? List.<VisitReport.FlaggedNeed> of() : report.needs()) {
                if (!visit.needs.contains(need.category())) {
                    visit.needs.add(need.category());
                }
                FollowUp followUp = new FollowUp();
                followUp.id = id("F-");
                followUp.visitId = visit.id;
                followUp.need = need.category();
                followUp.note = need.note();
                followUp.status = FollowUpStatus.open;
                followUp.openedAt = now;
                followUp.updatedAt = now;
                followUp.updatedBy = by;
                customer.followUps.add(followUp);
            }
            customer.visits.add(visit);
            Survey survey = new Survey();
            survey.id = id("Q-");
            survey.trigger = SurveyTrigger.visit;
            survey.ref = visit.id;
            survey.openedAt = now;
            customer.surveys.add(survey);
            return Change.of(visit, events.visitRecorded(customer.id, visit));
        });
    }

    /** Moves a follow-up offer on (open, in_progress, completed); a completed one stays completed (409). */
    public Uni<FollowUp> updateFollowUp(String customerId, String followUpId, FollowUpStatus status, String note, String by) {
        return changes.apply(customerId, customer -> {
            FollowUp followUp = customer.followUps.stream().filter(candidate -> candidate.id.equals(followUpId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("there is no follow-up " + followUpId));
            if (followUp.status == status && (note == null || note.equals(followUp.note))) {
                return Change.none(followUp);
            }
            if (followUp.status == FollowUpStatus.completed) {
                throw CustomerProblem.conflict("follow-up-completed", "status", "this follow-up was completed");
            }
            followUp.status = status;
            if (note != null) {
                followUp.note = note;
            }
            followUp.updatedAt = now();
            followUp.updatedBy = by;
            return Change.of(followUp);
        });
    }

    /** How the officer's customers stand in the visit period that contains {@code month}. */
    public Uni<Compliance> compliance(String officer, YearMonth month) {
        VisitPeriod period = VisitPeriod.containing(month, config.visits().cadenceMonths(), zone());
        Instant now = now();
        return customers.ofOfficer(officer).map(found -> new Compliance(officer, period,
                found.stream().filter(customer -> !customer.erased()).map(customer -> standing(customer, period, now)).toList()));
    }

    /**
     * Raises VisitOverdue for every customer not visited in the last period that has ended, once per customer and
     * period; the number raised by this run.
     */
    public Uni<Integer> raiseOverdue() {
        Instant now = now();
        VisitPeriod period = VisitPeriod.containing(now, config.visits().cadenceMonths(), zone()).previous();
        return customers.withOfficerSince(period.from())
                .filter(customer -> customer.visits.stream().noneMatch(visit -> period.covers(visit.visitedAt)))
                .onItem().transformToUni(customer -> customers.addVisitAlertOnce(customer.id, "visit-overdue-" + period.label(),
                        events.visitOverdue(customer.id, customer.officer, period.label(), period.to(),
                                lastVisit(customer, period.to()).orElse(null), now)))
                .merge(IN_FLIGHT)
                .filter(Boolean::booleanValue)
                .collect().asList()
                .map(List::size);
    }

    private Standing standing(Customer customer, VisitPeriod period, Instant now) {
        Instant last = lastVisit(customer, period.to()).orElse(null);
        String status;
        if (customer.officer.assignedAt.isAfter(period.from())) {
            status = "not-due";
        } else if (last != null && period.covers(last)) {
            status = "visited";
        } else {
            status = now.isBefore(period.to()) ? "due" : "missed";
        }
        return new Standing(customer, status, last);
    }

    /** The latest visit before {@code before}. */
    private static Optional<Instant> lastVisit(Customer customer, Instant before) {
        return customer.visits.stream().map(visit -> visit.visitedAt).filter(at -> at.isBefore(before))
                .max(Comparator.naturalOrder());
    }

    private ZoneId zone() {
        return ZoneId.of(config.visits().zone());
    }

    private static String id(String prefix) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
