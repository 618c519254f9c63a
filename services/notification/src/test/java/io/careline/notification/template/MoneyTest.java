package io.careline.notification.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Amounts are shown with their currency's minor digits, never rounded, whatever scale the JSON number had. */
class MoneyTest {

    @Test
    void showsAtLeastTheCurrencysMinorDigitsAndNeverRounds() {
        assertThat(Money.format(new BigDecimal("12.5"), "EUR")).isEqualTo("12.50 EUR");
        assertThat(Money.format(new BigDecimal("1E+2"), "EUR")).isEqualTo("100.00 EUR");
        assertThat(Money.format(new BigDecimal("0.125"), "EUR")).isEqualTo("0.125 EUR");
        assertThat(Money.format(new BigDecimal("1500"), "JPY")).isEqualTo("1500 JPY");
        assertThat(Money.format(new BigDecimal("3"), "XYZ")).as("a code the JDK does not know").isEqualTo("3.00 XYZ");
    }
}
