package io.careline.complaint.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.complaint.config.ComplaintConfig;
import io.careline.complaint.repository.Compensation;
import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.Complaint.Priority;
import io.careline.complaint.repository.Complaint.Status;
import io.careline.complaint.repository.ComplaintRepository;
import io.careline.complaint.repository.Message;
import io.careline.complaint.repository.Message.Kind;
import io.careline.complaint.repository.Transition;
import io.careline.complaint.repository.Transition.Action;
import io.careline.complaint.sla.SlaClocks;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.ComplaintReplied;
import io.careline.outbox.EventOutbox;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * What staff and customers do to an existing complaint: its lifecycle, its conversation, its assignment and the
 * queues. Every change runs in one transaction with its audit line and its events; a complaint the caller may not
 * see is "not found" (404), never "forbidden", so ids cannot be probed.
 */
@ApplicationScoped
public class ComplaintWork {

    /** The queue's order: the first-reply target while unanswered, else the resolution target; none last. */
    static final String URGENCY = " order by case when firstPublicReplyAt is null then firstReplyDueAt"
            + " else resolutionDueAt end asc nulls last, receivedAt asc, id asc";
    static final int MAX_BULK = 200;

    private final ComplaintRepository complaints;
    private final Lifecycle lifecycle;
    private final EventOutbox outbox;
    private final ComplaintConfig config;
    private final SlaClocks slaClocks;

    public ComplaintWork(ComplaintRepository complaints, Lifecycle lifecycle, EventOutbox outbox, ComplaintConfig config,
            SlaClocks slaClocks) {
        this.complaints = complaints;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
        this.config = config;
        this.slaClocks = slaClocks;
    }

    public record MessagePage(List<Message> items, long total) {
    }

    public record ComplaintPage(List<Complaint> items, long total) {
    }

    // --- reads

    /** The customer's own complaint with its history, or 404. */
    public Uni<Details> ownedDetails(String customerId, UUID id) {
        return read(() -> complaints.findOwned(customerId, id).chain(this::details), id);
    }

    /** A complaint this partner filed, or 404. */
    public Uni<Details> filedDetails(String partnerId, UUID id) {
        return read(() -> complaints.findFiledBy(partnerId, id).chain(this::details), id);
    }

    public Uni<Details> staffDetails(Actor staff, UUID id) {
        return read(() -> complaints.findById(id).map(found -> found != null && staff.mayWork(found) ? found : null)
                .chain(this::details), id);
    }

    /** The public conversation of the customer's own complaint: never an internal note. */
    public Uni<MessagePage> ownedMessages(String customerId, UUID id, int page, int size) {
        return read(() -> complaints.findOwned(customerId, id)
                .chain(found -> found == null ? Uni.createFrom().nullItem() : messages(id, Conversation.PUBLIC, page, size)), id);
    }

    public Uni<MessagePage> staffMessages(Actor staff, UUID id, int page, int size) {
        return read(() -> complaints.findById(id)
                .chain(found -> found == null || !staff.mayWork(found) ? Uni.createFrom().nullItem()
                        : messages(id, Conversation.ALL, page, size)), id);
    }

    private Uni<MessagePage> messages(UUID id, List<Kind> kinds, int page, int size) {
        return Conversation.page(id, kinds, page, size)
                .chain(items -> Conversation.count(id, kinds).map(total -> new MessagePage(items, total)));
    }

    private Uni<Details> details(Complaint complaint) {
        if (complaint == null) {
            return Uni.createFrom().nullItem();
        }
        return Transition.of(complaint.id).chain(history -> Compensation.ofComplaint(complaint.id)
                .map(compensation -> new Details(complaint, history, compensation)));
    }

    private static <T> Uni<T> read(java.util.function.Supplier<Uni<T>> query, UUID id) {
        return Uncancellable.run(() -> Panache.withSession(query))
                .onItem().ifNull().failWith(() -> ComplaintProblem.notFound(id));
    }

    /** A staff queue: open complaints (or those of the asked status) the caller may work, most urgent first. */
    public Uni<ComplaintPage> queue(Actor staff, QueueFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!staff.supervises()) {
            where.append(" and (assignee = :me or team = :myTeam)");
            parameters.and("me", staff.name()).and("myTeam", staff.team() == null ? "" : staff.team());
        }
        if (filter.assignee() != null) {
            if ("none".equals(filter.assignee())) {
                where.append(" and assignee is null");
            } else {
                where.append(" and assignee = :assignee");
                parameters.and("assignee", "me".equals(filter.assignee()) ? staff.name() : filter.assignee());
            }
        }
        if (filter.team() != null) {
            where.append(" and team = :team");
            parameters.and("team", filter.team());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.and("status", filter.status());
        } else {
            where.append(" and status not in :closed");
            parameters.and("closed", List.of(Status.RESOLVED, Status.CLOSED));
        }
        if (filter.category() != null) {
            where.append(" and category = :category");
            parameters.and("category", filter.category());
        }
        if (filter.priority() != null) {
            where.append(" and priority = :priority");
            parameters.and("priority", filter.priority());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            parameters.and("channel", filter.channel());
        }
        if (filter.overdue() != null) {
            // a paused clock has no due time: never overdue (and "not overdue" must not drop it as unknown)
            String overdue = "(status not in :done and ((firstPublicReplyAt is null and firstReplyDueAt is not null"
                    + " and firstReplyDueAt < :now) or (firstPublicReplyAt is not null and resolutionDueAt is not null"
                    + " and resolutionDueAt < :now)))";
            where.append(filter.overdue() ? " and " + overdue : " and not " + overdue);
            parameters.and("done", List.of(Status.RESOLVED, Status.CLOSED)).and("now", Instant.now());
        }
        if (filter.q() != null) {
            where.append(" and (lower(reference) like :q escape '\\' or lower(subject) like :q escape '\\'"
                    + " or lower(customerId) like :q escape '\\')");
            parameters.and("q", "%" + filter.q().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        String query = where.toString();
        return Uncancellable.run(() -> Panache.withSession(() -> complaints.find(query + URGENCY, parameters)
                .page(Page.of(page, size)).list()
                .chain(items -> complaints.count(query, parameters).map(total -> new ComplaintPage(items, total)))));
    }

    // --- customers

    /** The customer writes; an answer to a complaint waiting on them puts it back in progress. */
    public Uni<Message> customerMessage(String customerId, UUID id, String body) {
        return change(() -> complaints.findOwned(customerId, id), id, null, (complaint, now) -> {
            if (complaint.status == Status.RESOLVED || complaint.status == Status.CLOSED) {
                throw ComplaintProblem.conflict("status", "is " + complaint.status + ": reopen the complaint to write again");
            }
            Actor customer = Actor.customer(customerId);
            Message message = Conversation.message(complaint, Kind.CUSTOMER, customer, true, body, now);
            Uni<Void> resumed = complaint.status == Status.WAITING_ON_CUSTOMER
                    ? lifecycle.move(complaint, Status.IN_PROGRESS, customer, Action.STATUS, null, now)
                    : Uni.createFrom().voidItem();
            return resumed.chain(() -> message.persist()).replaceWith(message);
        });
    }

    /** Within the reopen window after resolution, the customer may reopen their complaint. */
    public Uni<Details> customerReopen(String customerId, UUID id, String reason) {
        return changeAndShow(() -> complaints.findOwned(customerId, id), id, null, (complaint, now) -> {
            if (complaint.status != Status.RESOLVED) {
                throw ComplaintProblem.conflict("status", "is " + complaint.status + "; only a RESOLVED complaint can be reopened");
            }
            if (complaint.resolvedAt.plus(config.reopenWindow()).isBefore(now)) {
                throw ComplaintProblem.conflict("status", "was RESOLVED more than " + config.reopenWindow().toDays()
                        + " days ago; file a new complaint");
            }
            return lifecycle.move(complaint, Status.IN_PROGRESS, Actor.customer(customerId), Action.REOPEN, reason, now);
        });
    }

    // --- staff

    /** A move along the transition table ({@link Status#next()}); anything else is a 409 naming the status. */
    public Uni<Details> changeStatus(Actor staff, UUID id, Long expectedVersion, Status to, String reason) {
        return changeAndShow(workable(staff, id), id, expectedVersion, (complaint, now) -> {
            if (!complaint.status.next().contains(to)) {
                throw ComplaintProblem.conflict("status", "cannot move from " + complaint.status + " to " + to
                        + "; allowed: " + complaint.status.next());
            }
            return lifecycle.move(complaint, to, staff, Action.STATUS, reason, now);
        });
    }

    /**
     * A public reply to the customer. The first by a person stops the first-reply clock ({@code first_public_reply_at});
     * a complaint not yet worked on goes in progress, and {@code awaitCustomer} leaves it waiting on the customer.
     */
    public Uni<Message> reply(Actor staff, UUID id, String body, boolean awaitCustomer) {
        return change(workable(staff, id), id, null, (complaint, now) -> {
            if (complaint.status == Status.CLOSED) {
                throw ComplaintProblem.conflict("status", "is CLOSED; a supervisor can reopen it");
            }
            if (awaitCustomer && complaint.status == Status.RESOLVED) {
                throw ComplaintProblem.conflict("status", "is RESOLVED; it cannot wait on the customer");
            }
            boolean first = complaint.firstPublicReplyAt == null;
            if (first) {
                complaint.firstPublicReplyAt = now;
            }
            Message message = Conversation.message(complaint, Kind.PUBLIC_REPLY, staff, true, body, now);
            return message.persist()
                    // the first public reply by a person stops the first-reply clock, credited to them
                    .chain(() -> first ? slaClocks.firstPublicReplyByPerson(complaint.id, now, staff.name(), staff.team())
                            : Uni.createFrom().voidItem())
                    .chain(() -> outbox.add(ComplaintReplied.EVENT, EventEnvelope.of(ComplaintReplied.EVENT,
                            complaint.customerId, now, new ComplaintReplied(complaint.id, complaint.reference,
                                    message.id, now, true, first))))
                    .chain(() -> complaint.status == Status.RECEIVED || complaint.status == Status.ACKNOWLEDGED
                            ? lifecycle.move(complaint, Status.IN_PROGRESS, staff, Action.STATUS, null, now)
                            : Uni.createFrom().voidItem())
                    .chain(() -> awaitCustomer && complaint.status != Status.WAITING_ON_CUSTOMER
                            ? lifecycle.move(complaint, Status.WAITING_ON_CUSTOMER, staff, Action.STATUS, null, now)
                            : Uni.createFrom().voidItem())
                    .replaceWith(message);
        });
    }

    /** An internal note: staff only. No event announces it and no customer or partner endpoint returns it. */
    public Uni<Message> note(Actor staff, UUID id, String body) {
        return change(workable(staff, id), id, null, (complaint, now) -> {
            Message note = Conversation.message(complaint, Kind.INTERNAL_NOTE, staff, true, body, now);
            return note.persist().replaceWith(note);
        });
    }

    public Uni<Details> assign(Actor staff, UUID id, Long expectedVersion, String assignee, String team, String reason) {
        return changeAndShow(workable(staff, id), id, expectedVersion, (complaint, now) -> assignOne(complaint, staff,
                assignee, team, reason, now));
    }

    private Uni<Void> assignOne(Complaint complaint, Actor staff, String assignee, String team, String reason, Instant now) {
        if (assignee != null) {
            complaint.assignee = assignee;
        }
        if (team != null) {
            complaint.team = team;
        }
        return lifecycle.audit(complaint, complaint.status, staff, Action.ASSIGN, reason,
                "assignee " + complaint.assignee + ", team " + complaint.team, now)
                .chain(() -> slaClocks.assigned(complaint.id, complaint.assignee, complaint.team, now));
    }

    /**
     * A supervisor moves every listed complaint to the assignee and/or team, all or nothing: an unknown id is a 400
     * naming it ({@code ids[3]}) and nothing changes.
     */
    public Uni<Integer> bulkReassign(Actor supervisor, List<UUID> ids, String assignee, String team, String reason) {
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        return Uncancellable.run(() -> Panache.withTransaction(() -> complaints.list("id in ?1", distinct)
                .chain(found -> {
                    Map<UUID, Complaint> byId = found.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
                    for (int i = 0; i < ids.size(); i++) {
                        if (!byId.containsKey(ids.get(i))) {
                            throw ComplaintProblem.invalid("ids[" + i + "]", "is no complaint");
                        }
                    }
                    Instant now = now();
                    List<Uni<Void>> changes = new ArrayList<>();
                    for (UUID id : distinct) {
                        changes.add(assignOne(byId.get(id), supervisor, assignee, team, reason, now));
                    }
                    return chainAll(changes).replaceWith(distinct.size());
                })));
    }

    /** A supervisor sets any status and/or priority, with a reason that stays in the audit trail. */
    public Uni<Details> override(Actor supervisor, UUID id, Long expectedVersion, Status status, Priority priority,
            String reason) {
        return changeAndShow(() -> complaints.findById(id), id, expectedVersion, (complaint, now) -> {
            boolean statusChanges = status != null && status != complaint.status;
            boolean priorityChanges = priority != null && priority != complaint.priority;
            if (!statusChanges && !priorityChanges) {
                throw ComplaintProblem.conflict(status != null ? "status" : "priority", "is already " +
                        (status != null ? complaint.status : complaint.priority) + "; nothing to override");
            }
            Uni<Void> done = Uni.createFrom().voidItem();
            if (priorityChanges) {
                String detail = "priority " + complaint.priority + " -> " + priority;
                complaint.priority = priority;
                done = lifecycle.audit(complaint, complaint.status, supervisor, Action.PRIORITY, reason, detail, now);
            }
            return statusChanges
                    ? done.chain(() -> lifecycle.move(complaint, status, supervisor, Action.OVERRIDE, reason, now))
                    : done;
        });
    }

    /** A supervisor reopens a resolved or closed complaint, whenever it was resolved. */
    public Uni<Details> supervisorReopen(Actor supervisor, UUID id, Long expectedVersion, String reason) {
        return changeAndShow(() -> complaints.findById(id), id, expectedVersion, (complaint, now) -> {
            if (complaint.status.open()) {
                throw ComplaintProblem.conflict("status", "is " + complaint.status + "; only RESOLVED or CLOSED complaints are reopened");
            }
            return lifecycle.move(complaint, Status.IN_PROGRESS, supervisor, Action.REOPEN, reason, now);
        });
    }

    // --- plumbing

    @FunctionalInterface
    interface Change<T> {
        Uni<T> apply(Complaint complaint, Instant now);
    }

    private java.util.function.Supplier<Uni<Complaint>> workable(Actor staff, UUID id) {
        return () -> complaints.findById(id).map(found -> found != null && staff.mayWork(found) ? found : null);
    }

    /** Finds the complaint (404 if the caller may not), checks If-Match (412), applies the change in a transaction. */
    private <T> Uni<T> change(java.util.function.Supplier<Uni<Complaint>> find, UUID id, Long expectedVersion,
            Change<T> change) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> find.get().chain(complaint -> {
            if (complaint == null) {
                throw ComplaintProblem.notFound(id);
            }
            if (expectedVersion != null && expectedVersion != complaint.version) {
                throw ComplaintProblem.stale(complaint.version);
            }
            return change.apply(complaint, now());
        })));
    }

    /** A change whose answer is the complaint as it is now, with its new version. */
    private Uni<Details> changeAndShow(java.util.function.Supplier<Uni<Complaint>> find, UUID id, Long expectedVersion,
            Change<Void> change) {
        return change(find, id, expectedVersion, (complaint, now) -> change.apply(complaint, now)
                .chain(Panache::flush).chain(() -> details(complaint)));
    }

    private static Uni<Void> chainAll(List<Uni<Void>> steps) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Uni<Void> step : steps) {
            all = all.chain(() -> step);
        }
        return all;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
