package io.careline.customer.service;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.careline.customer.repository.Customer.ConsentChannel;
import io.careline.customer.repository.Customer.Purpose;

/** Consents to set, each for one purpose on one channel; ones already in force as sent are left alone. */
public record ConsentChange(@NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Item> consents) {

    /** {@code wording}: the version of the text the customer was shown (e.g. greetings-v2), kept as proof. */
    public record Item(@NotNull Purpose purpose, @NotNull ConsentChannel channel, @NotNull Boolean granted,
            @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._-]*$", message = "must be letters, digits, '.', '_' or '-'") String wording) {
    }
}
