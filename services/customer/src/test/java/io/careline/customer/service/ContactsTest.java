package io.careline.customer.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Email;
import io.careline.customer.repository.Customer.Phone;

class ContactsTest {

    @Test
    void oneNumberWrittenManyWaysIsOnePhone() {
        assertThat(Contacts.phone("+49 151 1234-5678")).isEqualTo("+4915112345678");
        assertThat(Contacts.phone("0049 (151) 12345678")).isEqualTo("+4915112345678");
        assertThat(Contacts.phone("+49.151.12345678")).isEqualTo("+4915112345678");
        assertThat(Contacts.phone("0151 12345678")).isNull(); // national: which country?
        assertThat(Contacts.phone("+0 151 12345678")).isNull();
        assertThat(Contacts.phone("+1234")).isNull();
    }

    @Test
    void onlyVerifiedContactsAreKeysAndNoneIsAbsent() {
        Customer customer = new Customer();
        assertThat(Contacts.verifiedKeys(customer)).isNull();
        customer.emails.add(new Email("a@example.org", true));
        customer.emails.add(new Email("b@example.org", false));
        customer.phones.add(new Phone("+4915112345678", true));
        assertThat(Contacts.verifiedKeys(customer)).isEqualTo(List.of("email:a@example.org", "phone:+4915112345678"));
        assertThat(Contacts.email("  Alice@Example.ORG ")).isEqualTo("alice@example.org");
    }
}
