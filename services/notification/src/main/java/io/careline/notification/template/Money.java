package io.careline.notification.template;

import java.math.BigDecimal;
import java.util.Currency;

/** Amounts as the events state them, exact decimals, never through a double. */
public final class Money {

    private Money() {
    }

    /** At least the currency's minor digits (12.5 EUR reads 12.50 EUR), never rounded. */
    public static String format(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownToTheJdk) {
            digits = 2;
        }
        return amount.setScale(Math.max(digits, amount.scale())).toPlainString() + " " + currency;
    }
}
