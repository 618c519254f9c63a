package io.careline.complaint.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.complaint.repository.Compensation;
import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.Message;
import io.careline.complaint.repository.NetworkIncident;
import io.careline.complaint.repository.NetworkReport;
import io.careline.complaint.repository.RewardDrawEntry;
import io.careline.complaint.repository.Transition;
import io.careline.complaint.service.Actor;
import io.careline.complaint.service.Attachment;
import io.careline.complaint.service.CompensationService;
import io.careline.complaint.service.Details;
import io.careline.complaint.service.DrawService;
import io.careline.complaint.service.Money;
import io.careline.complaint.service.NetworkService;

/**
 * What each audience reads. Customers' and partners' views never carry an internal note, a staff member's name or a
 * staff reason; staff views carry everything.
 */
public final class Views {

    private Views() {
    }

    static List<Attachment> attachmentsOf(ObjectMapper json, Complaint complaint) {
        try {
            return List.of(json.readValue(complaint.attachments, Attachment[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("attachments of " + complaint.id + " are not readable", e);
        }
    }

    static Money claimed(Complaint complaint) {
        return complaint.claimedOverchargeAmount == null ? null
                : new Money(complaint.claimedOverchargeAmount, complaint.claimedOverchargeCurrency);
    }

    /** A complaint as its customer (or the partner that filed it) sees it; history and compensation on the single view. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ComplaintView(
            UUID id,
            String reference,
            String category,
            String channel,
            String status,
            String subject,
            String description,
            List<Attachment> attachments,
            Money claimedOvercharge,
            Instant receivedAt,
            Instant firstReplyDueAt,
            Instant resolvedAt,
            List<StatusChange> statusHistory,
            CustomerCompensation compensation) {

        static ComplaintView of(ObjectMapper json, Complaint complaint) {
            return new ComplaintView(complaint.id, complaint.reference, complaint.category.name(), complaint.channel,
                    complaint.status.name(), complaint.subject, complaint.description, attachmentsOf(json, complaint),
                    claimed(complaint), complaint.receivedAt, complaint.firstReplyDueAt, complaint.resolvedAt, null, null);
        }

        static ComplaintView of(ObjectMapper json, Details details) {
            Complaint c = details.complaint();
            return new ComplaintView(c.id, c.reference, c.category.name(), c.channel, c.status.name(), c.subject,
                    c.description, attachmentsOf(json, c), claimed(c), c.receivedAt, c.firstReplyDueAt, c.resolvedAt,
                    details.history().stream().filter(t -> t.fromStatus != t.toStatus)
                            .map(t -> new StatusChange(t.fromStatus == null ? null : t.fromStatus.name(), t.toStatus.name(), t.at))
                            .toList(),
                    CustomerCompensation.of(details.compensation()));
        }
    }

    /** A status change as the customer sees it: no who, no why. */
    public record StatusChange(String from, String to, Instant at) {
    }

    /** The compensation as the customer sees it: what they get, not who verified it or the evidence. */
    public record CustomerCompensation(String status, BigDecimal refundAmount, BigDecimal rewardAmount, String currency,
            Instant grantedAt) {
        static CustomerCompensation of(Compensation compensation) {
            return compensation == null ? null : new CustomerCompensation(compensation.status.name(),
                    compensation.refundAmount, compensation.rewardAmount, compensation.currency, compensation.grantedAt);
        }
    }

    /** A message as the customer sees it: staff are "STAFF", the automatic acknowledgement "SYSTEM". */
    public record CustomerMessage(UUID id, String kind, String from, String body, Instant at) {
        static CustomerMessage of(Message message) {
            String from = switch (message.authorRole) {
                case "CUSTOMER" -> "CUSTOMER";
                case "SYSTEM" -> "SYSTEM";
                default -> "STAFF";
            };
            return new CustomerMessage(message.id, message.kind.name(), from, message.body, message.createdAt);
        }
    }

    /** The whole complaint, for staff. {@code version} is also the ETag; send it back in If-Match. */
    public record StaffComplaintView(
            UUID id,
            String reference,
            String customerId,
            String category,
            String priority,
            String channel,
            String status,
            String subject,
            String description,
            List<Attachment> attachments,
            Money claimedOvercharge,
            String enteredByKind,
            String enteredBy,
            String partnerId,
            String assignee,
            String team,
            Instant receivedAt,
            Instant firstReplyDueAt,
            Instant firstPublicReplyAt,
            Instant resolutionDueAt,
            Instant statusChangedAt,
            Instant resolvedAt,
            boolean overdue,
            long version,
            List<String> allowedTransitions,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<TransitionView> history,
            @JsonInclude(JsonInclude.Include.NON_NULL) StaffCompensation compensation) {

        static StaffComplaintView of(ObjectMapper json, Complaint c, Actor caller) {
            return of(json, c, caller, null, null);
        }

        static StaffComplaintView of(ObjectMapper json, Details details, Actor caller) {
            return of(json, details.complaint(), caller, details.history().stream().map(TransitionView::of).toList(),
                    StaffCompensation.of(details.compensation()));
        }

        private static StaffComplaintView of(ObjectMapper json, Complaint c, Actor caller, List<TransitionView> history,
                StaffCompensation compensation) {
            Instant now = Instant.now();
            Instant due = c.firstPublicReplyAt == null ? c.firstReplyDueAt : c.resolutionDueAt;
            boolean overdue = c.status.open() && due != null && due.isBefore(now);
            return new StaffComplaintView(c.id, c.reference, c.customerId, c.category.name(), c.priority.name(),
                    c.channel, c.status.name(), c.subject, c.description, attachmentsOf(json, c), claimed(c),
                    c.enteredByKind.name(), c.enteredBy, c.partnerId, c.assignee, c.team, c.receivedAt,
                    c.firstReplyDueAt, c.firstPublicReplyAt, c.resolutionDueAt, c.statusChangedAt, c.resolvedAt,
                    overdue, c.version, caller.statusMoves(c).stream().map(Enum::name).toList(), history, compensation);
        }
    }

    /** One line of the audit trail: who, in which role, when, what, from, to, why. */
    public record TransitionView(Instant at, String actor, String actorRole, String action, String fromStatus,
            String toStatus, String reason, String detail) {
        static TransitionView of(Transition t) {
            return new TransitionView(t.at, t.actor, t.actorRole, t.action.name(),
                    t.fromStatus == null ? null : t.fromStatus.name(), t.toStatus.name(), t.reason, t.detail);
        }
    }

    public record StaffCompensation(UUID id, String status, BigDecimal verifiedAmount, String currency, String evidence,
            String verifiedBy, Instant verifiedAt, boolean needsApproval, String approvedBy, BigDecimal refundAmount,
            BigDecimal rewardAmount, Instant grantedAt) {
        static StaffCompensation of(Compensation c) {
            return c == null ? null : new StaffCompensation(c.id, c.status.name(), c.verifiedAmount, c.currency,
                    c.evidence, c.verifiedBy, c.verifiedAt, c.status == Compensation.Status.AWAITING_APPROVAL,
                    c.approvedBy, c.refundAmount, c.rewardAmount, c.grantedAt);
        }
    }

    /** A compensation in the supervisors' list: which complaint, how much, who asked for it and when. */
    public record CompensationItem(UUID id, UUID complaintId, String reference, String status, BigDecimal verifiedAmount,
            BigDecimal refundAmount, BigDecimal rewardAmount, String currency, String evidence, String requestedBy,
            Instant requestedAt, String approvedBy, Instant grantedAt) {
        static CompensationItem of(CompensationService.Listed listed) {
            Compensation c = listed.compensation();
            BigDecimal amount = c.verifiedAmount;
            return new CompensationItem(c.id, c.complaintId, listed.reference(), c.status.name(), amount, amount, amount,
                    c.currency, c.evidence, c.verifiedBy, c.verifiedAt, c.approvedBy, c.grantedAt);
        }
    }

    public record StaffMessage(UUID id, String kind, String author, String authorRole, boolean byPerson, String body,
            Instant at) {
        static StaffMessage of(Message m) {
            return new StaffMessage(m.id, m.kind.name(), m.author, m.authorRole, m.byPerson, m.body, m.createdAt);
        }
    }

    public record NetworkReportView(UUID id, String kind, double latitude, double longitude, String cell, String area,
            Instant occurredAt, Instant reportedAt, UUID incidentId) {
        static NetworkReportView of(NetworkReport r) {
            return new NetworkReportView(r.id, r.kind.name(), r.latitude, r.longitude, r.cell, r.area, r.occurredAt,
                    r.reportedAt, r.incidentId);
        }
    }

    /** A staff member's view of a report, with its customer. */
    public record IncidentReportView(UUID id, String customerId, String kind, double latitude, double longitude,
            String cell, String area, Instant occurredAt, Instant reportedAt) {
        static IncidentReportView of(NetworkReport r) {
            return new IncidentReportView(r.id, r.customerId, r.kind.name(), r.latitude, r.longitude, r.cell, r.area,
                    r.occurredAt, r.reportedAt);
        }
    }

    public record IncidentView(UUID id, String kind, String status, double latitude, double longitude, String area,
            Instant firstAt, Instant lastAt, @JsonInclude(JsonInclude.Include.NON_NULL) Long reports,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long reporters, String confirmedBy, Instant confirmedAt,
            String resolvedBy, Instant resolvedAt, String resolution) {
        static IncidentView of(NetworkIncident i) {
            return of(i, null, null);
        }

        static IncidentView of(NetworkService.IncidentDetails details) {
            return of(details.incident(), details.reports(), details.reporters());
        }

        private static IncidentView of(NetworkIncident i, Long reports, Long reporters) {
            return new IncidentView(i.id, i.kind.name(), i.status.name(), i.latitude, i.longitude, i.area, i.firstAt,
                    i.lastAt, reports, reporters, i.confirmedBy, i.confirmedAt, i.resolvedBy, i.resolvedAt, i.resolution);
        }
    }

    public record Winner(int rank, String customerId) {
        static Winner of(RewardDrawEntry entry) {
            return new Winner(entry.winnerRank, entry.customerId);
        }
    }

    /** A month's draw: its published seed, the eligible list's size and digest, and the winners in rank order. */
    public record DrawView(UUID id, String month, String seed, int eligibleCount, String eligibleDigest, int winnerCount,
            BigDecimal amount, String currency, String drawnBy, Instant drawnAt, List<Winner> winners) {
        static DrawView of(DrawService.Drawn drawn) {
            var d = drawn.draw();
            return new DrawView(d.id, d.month, d.seed, d.eligibleCount, d.eligibleDigest, d.winnerCount, d.amount,
                    d.currency, d.drawnBy, d.drawnAt, drawn.winners().stream().map(Winner::of).toList());
        }
    }

    /** A recomputed draw: the digest of the eligible list as given (distinct, sorted) and its winners. */
    public record VerifiedDraw(int eligibleCount, String eligibleDigest, List<Winner> winners) {
    }
}
