package io.careline.claimcare.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.careline.claimcare.service.HealthCondition;
import io.careline.claimcare.service.PaidBeneficiary;
import io.careline.claimcare.service.PaidBeneficiary.Relationship;

/** The bodies of the claim lifecycle events a partner posts. Every one carries the partner's own event id. */
public final class PartnerClaimRequests {

    static final String EVENT_ID = "[\\x21-\\x7e]{1,100}";
    static final String EVENT_ID_MESSAGE = "must be 1 to 100 visible ASCII characters";
    static final String CLAIM_REF = "[A-Za-z0-9._-]{1,64}";
    static final String CLAIM_REF_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-'";

    private PartnerClaimRequests() {
    }

    @Schema(description = "A claim was reported", example = """
            {"eventId":"evt-1001","claimRef":"ACME-2026-0042","customerId":"C-1001","occurredAt":"2026-11-02T09:00:00Z",
             "greenChannel":true,"description":"Hospitalised after a stroke"}""")
    public record Reported(
            @NotNull @Pattern(regexp = EVENT_ID, message = EVENT_ID_MESSAGE) String eventId,
            @NotNull @Pattern(regexp = CLAIM_REF, message = CLAIM_REF_MESSAGE) String claimRef,
            @NotBlank @Size(max = 64) String customerId,
            @NotNull Instant occurredAt,
            @Schema(description = "an urgent case: payment fast-tracked (the green channel)") boolean greenChannel,
            @Size(max = 500) String description) {
    }

    @Schema(description = "The adjuster visited and collected the documents", example = """
            {"eventId":"evt-1002","occurredAt":"2026-11-02T10:00:00Z"}""")
    public record DocumentsCollected(
            @NotNull @Pattern(regexp = EVENT_ID, message = EVENT_ID_MESSAGE) String eventId,
            @NotNull Instant occurredAt) {
    }

    @Schema(description = "The claim was assessed", example = """
            {"eventId":"evt-1003","occurredAt":"2026-11-02T10:10:00Z","amount":12500.00,"currency":"EUR"}""")
    public record Assessed(
            @NotNull @Pattern(regexp = EVENT_ID, message = EVENT_ID_MESSAGE) String eventId,
            @NotNull Instant occurredAt,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
    }

    @Schema(description = "The claim was paid, to its beneficiary", example = """
            {"eventId":"evt-1004","occurredAt":"2026-11-02T10:27:00Z","amount":12500.00,"currency":"EUR",
             "beneficiary":{"fullName":"Lena Schmidt","dateOfBirth":"2014-05-01","relationship":"CHILD","region":"north",
             "language":"de","healthConditions":["CHRONIC_ILLNESS"],"healthNotes":"type 1 diabetes",
             "guardianName":"Alice Schmidt"}}""")
    public record Paid(
            @NotNull @Pattern(regexp = EVENT_ID, message = EVENT_ID_MESSAGE) String eventId,
            @NotNull Instant occurredAt,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotNull @Valid Beneficiary beneficiary) {
    }

    @Schema(description = "Who the payment benefits; checked against the programme's criteria")
    public record Beneficiary(
            @NotBlank @Size(max = 200) String fullName,
            @NotNull @Past LocalDate dateOfBirth,
            @NotNull Relationship relationship,
            @NotNull @Pattern(regexp = "[a-z0-9-]{1,64}", message = "must be a region code (lower case)") String region,
            @NotNull @Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code") String language,
            @NotNull @Size(max = 3) Set<@NotNull HealthCondition> healthConditions,
            @Size(max = 2000) String healthNotes,
            @Size(max = 200) String guardianName) {

        PaidBeneficiary toPaid() {
            return new PaidBeneficiary(fullName, dateOfBirth, relationship, region, language, healthConditions,
                    healthNotes, guardianName);
        }
    }

    @Schema(description = "The claim was rejected", example = """
            {"eventId":"evt-1005","occurredAt":"2026-11-02T10:30:00Z","reason":"not covered by the policy"}""")
    public record Rejected(
            @NotNull @Pattern(regexp = EVENT_ID, message = EVENT_ID_MESSAGE) String eventId,
            @NotNull Instant occurredAt,
            @NotBlank @Size(max = 500) String reason) {
    }
}
