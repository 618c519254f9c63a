package io.careline.customer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Channel;
import io.careline.customer.repository.Customer.Consent;
import io.careline.customer.repository.Customer.ConsentChannel;
import io.careline.customer.repository.Customer.Purpose;

class GreetingRulesTest {

    @Test
    void aLeapDayBirthdayIsGreetedOnThe28thInOtherYears() {
        assertThat(GreetingService.birthdayOn("2000-02-29", LocalDate.parse("2027-02-28"))).isTrue();
        assertThat(GreetingService.birthdayOn("2000-02-29", LocalDate.parse("2028-02-28"))).isFalse();
        assertThat(GreetingService.birthdayOn("2000-02-29", LocalDate.parse("2028-02-29"))).isTrue();
        assertThat(GreetingService.birthdayOn("1990-02-28", LocalDate.parse("2027-02-28"))).isTrue();
        assertThat(GreetingService.birthdayOn("1990-03-01", LocalDate.parse("2027-02-28"))).isFalse();
    }

    @Test
    void thePreferredChannelIfConsentedElseTheFirstConsentedNoneWithoutConsent() {
        Customer customer = new Customer();
        customer.preferredChannel = Channel.email;
        assertThat(GreetingService.channel(customer)).isEmpty();

        customer.consents.add(consent(Purpose.marketing, ConsentChannel.any, true));
        assertThat(GreetingService.channel(customer)).isEmpty();

        customer.consents.add(consent(Purpose.greetings, ConsentChannel.sms, true));
        assertThat(GreetingService.channel(customer)).contains(Channel.sms);

        customer.consents.add(consent(Purpose.greetings, ConsentChannel.email, true));
        assertThat(GreetingService.channel(customer)).contains(Channel.email);

        customer.consents.clear();
        customer.consents.add(consent(Purpose.greetings, ConsentChannel.any, true));
        assertThat(GreetingService.channel(customer)).contains(Channel.email);
        customer.preferredChannel = null;
        assertThat(GreetingService.channel(customer)).contains(Channel.in_app);

        customer.consents.clear();
        customer.consents.add(consent(Purpose.greetings, ConsentChannel.any, false));
        assertThat(GreetingService.channel(customer)).isEmpty();
    }

    private static Consent consent(Purpose purpose, ConsentChannel channel, boolean granted) {
        Consent consent = new Consent();
        consent.purpose = purpose;
        consent.channel = channel;
        consent.granted = granted;
        consent.source = "app";
        consent.at = Instant.EPOCH;
        return consent;
    }
}
