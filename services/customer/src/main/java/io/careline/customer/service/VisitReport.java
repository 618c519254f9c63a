package io.careline.customer.service;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.careline.customer.repository.Customer.Need;
import io.careline.customer.repository.Customer.VisitConfirmation;

/**
 * What an officer records of a visit: the questionnaire's answers, the needs it brought up (each opens a follow-up
 * offer) and how the customer confirmed the visit. {@code visitedAt} defaults to now.
 */
public record VisitReport(
        Instant visitedAt,
        @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull Answer> answers,
        @Size(max = 10) List<@Valid @NotNull FlaggedNeed> needs,
        @NotNull @Valid Confirmation confirmation) {

    public record Answer(@NotBlank @Size(max = 200) String question, @NotNull @Size(max = 2000) String answer) {
    }

    public record FlaggedNeed(@NotNull Need category, @Size(max = 500) String note) {
    }

    public record Confirmation(@NotNull VisitConfirmation method, @Size(max = 200) String reference) {
    }
}
