package io.careline.customer.service;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.careline.customer.repository.Customer.Channel;

/**
 * What a customer may change in their own profile; any other field (customerId, birthday, region, a contact's
 * verified flag...) is refused as not a field of this request. A field left out (or null) is left as it is; a list
 * sent replaces the list. A contact the customer had verified stays verified; a new one is unverified.
 */
public record ProfileEdit(
        @Size(max = 100) @Pattern(regexp = ProfileData.NOT_BLANK, message = "must not be blank") String displayName,
        @Pattern(regexp = ProfileData.LANGUAGE_TAG, message = ProfileData.LANGUAGE_MESSAGE) String locale,
        @TimeZoneId String timezone,
        @Size(max = 5) List<@Valid @NotNull MyEmail> emails,
        @Size(max = 5) List<@Valid @NotNull MyPhone> phones,
        @Size(max = 5) List<@Valid @NotNull MyPushToken> pushTokens,
        Channel preferredChannel) {

    public record MyEmail(@NotBlank @Email @Size(max = 254) String address) {
    }

    public record MyPhone(@NotBlank @Pattern(regexp = Contacts.PHONE_INPUT, message = Contacts.PHONE_MESSAGE) String number) {
    }

    public record MyPushToken(@NotBlank @Size(max = 4096) String token,
            @NotBlank @Pattern(regexp = "^(android|ios|web)$", message = "must be one of android, ios, web") String platform) {
    }
}
