package io.careline.complaint.sla.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A policy as an admin writes it; a null category, priority or channel matches any. */
@Schema(example = """
        {"name":"Kiosk complaints: first reply within 24 h","category":null,"priority":null,"channel":"KIOSK",
         "firstReplyTarget":"PT24H","resolutionTarget":"PT120H","calendarId":null}""")
public record PolicyRequest(
        @NotBlank @Size(max = 100) String name,
        @Pattern(regexp = ATTRIBUTE, message = ATTRIBUTE_MESSAGE) String category,
        @Pattern(regexp = ATTRIBUTE, message = ATTRIBUTE_MESSAGE) String priority,
        @Pattern(regexp = ATTRIBUTE, message = ATTRIBUTE_MESSAGE) String channel,
        @NotNull @Pattern(regexp = TARGET, message = TARGET_MESSAGE) String firstReplyTarget,
        @NotNull @Pattern(regexp = TARGET, message = TARGET_MESSAGE) String resolutionTarget,
        @Pattern(regexp = "[a-z0-9-]{1,40}", message = "must be a calendar id") String calendarId) {

    static final String ATTRIBUTE = "[A-Z][A-Z_]{0,15}";
    static final String ATTRIBUTE_MESSAGE = "must be 1 to 16 capital letters or underscores, or null for any";
    // whole hours and minutes, up to a year: PT48H, PT90M, PT1H30M
    static final String TARGET = "PT(?=\\d)(\\d{1,4}H)?(\\d{1,6}M)?";
    static final String TARGET_MESSAGE = "must be an ISO-8601 duration of hours and minutes, such as PT48H or PT1H30M";
}
