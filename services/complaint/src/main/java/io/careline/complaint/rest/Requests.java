package io.careline.complaint.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.repository.Complaint.Priority;
import io.careline.complaint.repository.Complaint.Status;
import io.careline.complaint.repository.NetworkReport;
import io.careline.complaint.service.Attachment;
import io.careline.complaint.service.Money;

/** What callers send. Unknown fields are refused (400 naming them); so is every bad value. */
public final class Requests {

    static final String NAME = "[A-Za-z0-9._@-]{1,64}";
    static final String NAME_MESSAGE = "must be 1 to 64 letters, digits or . _ @ -";
    static final String CUSTOMER_ID = "[A-Za-z0-9-]{1,64}";
    static final String CUSTOMER_ID_MESSAGE = "must be 1 to 64 letters, digits or -";

    private Requests() {
    }

    /** A customer's own complaint (app or web). */
    public record FileComplaintRequest(
            @Schema(examples = "BILLING") @NotNull Category category,
            @Schema(examples = "Charged twice") @NotBlank @Size(max = 200) String subject,
            @Schema(examples = "My October bill shows the bundle twice.") @NotBlank @Size(max = 5000) String description,
            @Size(max = 10) List<@Valid @NotNull Attachment> attachments,
            @Schema(description = "BILLING only: the overcharge the customer claims") @Valid Money claimedOvercharge) {
    }

    /** An agent files for a customer who called, texted or came to a kiosk. */
    public record AgentComplaintRequest(
            @Schema(examples = "C-1001") @NotNull @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId,
            @Schema(examples = "hotline", description = "a configured channel an agent enters for: hotline, sms, kiosk by default")
            @NotBlank String channel,
            @Schema(examples = "NETWORK") @NotNull Category category,
            @Schema(examples = "HIGH", description = "NORMAL when absent") Priority priority,
            @Schema(examples = "No signal at home") @NotBlank @Size(max = 200) String subject,
            @Schema(examples = "Since Monday, no signal in the flat; neighbours too.") @NotBlank @Size(max = 5000) String description,
            @Size(max = 10) List<@Valid @NotNull Attachment> attachments,
            @Valid Money claimedOvercharge) {
    }

    /** A partner system files for one of its customers. */
    public record PartnerComplaintRequest(
            @Schema(examples = "C-1002") @NotNull @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId,
            @Schema(examples = "BILLING") @NotNull Category category,
            @Schema(examples = "NORMAL") Priority priority,
            @Schema(examples = "Roaming charged at home") @NotBlank @Size(max = 200) String subject,
            @Schema(examples = "Roaming fees on the September bill while the customer was at home.") @NotBlank @Size(max = 5000) String description,
            @Size(max = 10) List<@Valid @NotNull Attachment> attachments,
            @Valid Money claimedOvercharge) {
    }

    public record StatusRequest(
            @Schema(examples = "RESOLVED") @NotNull Status status,
            @Schema(examples = "Refund confirmed by billing") @Size(max = 1000) String reason) {
    }

    public record ReplyRequest(
            @Schema(examples = "We are sorry: the bundle was billed twice. The refund is on its way.") @NotBlank @Size(max = 5000) String body,
            @Schema(description = "leave the complaint waiting on the customer's answer (its clock pauses)") Boolean awaitCustomer) {
    }

    public record NoteRequest(
            @Schema(examples = "Billing confirms the duplicate line; ticket BIL-4411.") @NotBlank @Size(max = 5000) String body) {
    }

    public record CustomerMessageRequest(
            @Schema(examples = "Here is the bill you asked for.") @NotBlank @Size(max = 5000) String body) {
    }

    public record CustomerReopenRequest(
            @Schema(examples = "The refund never arrived.") @Size(max = 1000) String reason) {
    }

    public record SupervisorReopenRequest(
            @Schema(examples = "Customer called back unhappy") @NotBlank @Size(max = 1000) String reason) {
    }

    public record AssignRequest(
            @Schema(examples = "agnes") @Pattern(regexp = NAME, message = NAME_MESSAGE) String assignee,
            @Schema(examples = "north") @Pattern(regexp = NAME, message = NAME_MESSAGE) String team,
            @Size(max = 1000) String reason) {
    }

    public record OverrideRequest(
            @Schema(examples = "IN_PROGRESS") Status status,
            @Schema(examples = "URGENT") Priority priority,
            @Schema(examples = "Press enquiry") @NotBlank @Size(max = 1000) String reason) {
    }

    public record BulkReassignRequest(
            @NotEmpty @Size(max = 200) List<@NotNull UUID> ids,
            @Schema(examples = "ted") @Pattern(regexp = NAME, message = NAME_MESSAGE) String assignee,
            @Schema(examples = "south") @Pattern(regexp = NAME, message = NAME_MESSAGE) String team,
            @Schema(examples = "North team at a training day") @Size(max = 1000) String reason) {
    }

    public record VerifyCompensationRequest(
            @NotNull @Valid Money verifiedAmount,
            @Schema(examples = "Invoice 2026-10 line 4 duplicates line 3 (BIL-4411)") @NotBlank @Size(max = 2000) String evidence) {
    }

    public record NetworkReportRequest(
            @Schema(examples = "DROPPED_CALLS") @NotNull NetworkReport.Kind kind,
            @Schema(examples = "48.8566") @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @Schema(examples = "2.3522") @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Schema(examples = "208-01-1234-5678") @Size(max = 64) String cell,
            @Schema(examples = "Old town, near the station") @Size(max = 200) String area,
            @Schema(examples = "2026-11-20T18:30:00Z") @NotNull Instant occurredAt) {
    }

    public record ResolveIncidentRequest(
            @Schema(examples = "Antenna replaced on the station mast") @Size(max = 1000) String resolution) {
    }

    public record RunDrawRequest(
            @Schema(description = "the seed to publish; a random 256-bit hex seed when absent")
            @Size(min = 1, max = 128) @Pattern(regexp = "[\\x21-\\x7e]+", message = "must be visible ASCII characters") String seed) {
    }

    public record VerifyDrawRequest(
            @Schema(examples = "9f2c4e...") @NotBlank @Size(max = 128) String seed,
            @Schema(description = "the eligible customer ids (any order; duplicates count once)")
            @NotEmpty @Size(max = 5000) List<@NotBlank @Size(max = 64) String> eligible,
            @Schema(description = "how many winners; the configured number (50) when absent") @Min(1) @Max(1000) Integer winners) {
    }
}
