package io.careline.complaint.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document kept elsewhere, by reference: the complaint stores where it is, never its bytes. */
public record Attachment(
        @Schema(examples = "https://files.example.com/bills/2026-10.pdf")
        @NotNull @Size(max = 500) @Pattern(regexp = "https://[^\\s]+", message = "must be an https URI") String uri,
        @Schema(examples = "October bill.pdf") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "application/pdf")
        @NotNull @Pattern(regexp = "[\\w.+-]{1,60}/[\\w.+-]{1,60}", message = "must be a media type such as application/pdf") String mediaType) {
}
