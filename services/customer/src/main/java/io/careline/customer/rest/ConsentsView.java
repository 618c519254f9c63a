package io.careline.customer.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Consent;

/** The consents in force (by purpose, then channel) and every change ever recorded, newest first. */
public record ConsentsView(String customerId, List<ConsentView> current, List<ConsentView> history) {

    public record ConsentView(String purpose, String channel, boolean granted, String source, Instant at, String proof) {

        static ConsentView of(Consent consent) {
            return new ConsentView(consent.purpose.name(), consent.channel.name(), consent.granted, consent.source,
                    consent.at, consent.proof);
        }
    }

    public static ConsentsView of(Customer customer) {
        List<ConsentView> current = customer.consents.stream()
                .sorted(Comparator.comparing((Consent consent) -> consent.purpose).thenComparing(consent -> consent.channel))
                .map(ConsentView::of).toList();
        List<ConsentView> history = new ArrayList<>(customer.consentHistory.stream().map(ConsentView::of).toList());
        Collections.reverse(history);
        return new ConsentsView(customer.id, current, history);
    }
}
