package io.careline.complaint.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.careline.complaint.repository.Complaint.Category;

/** What a customer sends to file a complaint. */
public record FileComplaintRequest(
        @NotNull Category category,
        @NotBlank @Size(max = 200) String subject,
        @NotBlank @Size(max = 5000) String description) {
}
