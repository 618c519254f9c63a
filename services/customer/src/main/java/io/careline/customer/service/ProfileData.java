package io.careline.customer.service;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.careline.customer.repository.Customer.Channel;
import io.careline.customer.repository.Customer.HouseholdRole;

/**
 * A profile as care staff or a partner send it. Contacts carry {@code verified}: staff and partners vouch for what
 * they checked. At least a display name or a given or family name.
 */
public record ProfileData(
        @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String displayName,
        @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String givenName,
        @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String familyName,
        @Past LocalDate birthday,
        @Pattern(regexp = LANGUAGE_TAG, message = LANGUAGE_MESSAGE) String locale,
        @TimeZoneId String timezone,
        @Pattern(regexp = REGION, message = REGION_MESSAGE) String region,
        @Size(max = 5) List<@Valid @NotNull VerifiableEmail> emails,
        @Size(max = 5) List<@Valid @NotNull VerifiablePhone> phones,
        Channel preferredChannel,
        @Size(max = 10) List<@Valid @NotNull Household> household) {

    public static final String NOT_BLANK = "(?s).*\\S.*";
    public static final String LANGUAGE_TAG = "^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,3}$";
    public static final String LANGUAGE_MESSAGE = "must be a language tag such as ru-RU";
    /** A region is a name or code (north, Berlin, Baden-Württemberg, 北京), not free text: no markup, paths or quotes first. */
    public static final String REGION = "^[\\p{L}\\p{N}][\\p{L}\\p{N} .'-]{0,63}$";
    public static final String REGION_MESSAGE = "must be a region: letters, digits, spaces, dots, apostrophes and hyphens, starting with a letter or digit";

    public record VerifiableEmail(@NotBlank @Email @Size(max = 254) String address, boolean verified) {
    }

    public record VerifiablePhone(@NotBlank @Pattern(regexp = Contacts.PHONE_INPUT, message = Contacts.PHONE_MESSAGE) String number,
            boolean verified) {
    }

    /** Another customer and what they are to this one (e.g. this minor's guardian). */
    public record Household(@NotBlank @Size(max = 32) String customerId, @NotNull HouseholdRole role) {
    }
}
