package io.careline.notification.service;

import java.math.BigDecimal;
import java.util.Currency;

import io.careline.contracts.complaint.CompensationGranted;

/** The words of a compensation notice: "overcharge one, reward one", both amounts as the event states them. */
final class Compensations {

    private Compensations() {
    }

    static String title(CompensationGranted granted) {
        return "Refund and reward for complaint " + granted.reference();
    }

    static String body(CompensationGranted granted) {
        return "We refund the overcharge of " + money(granted.refundAmount(), granted.currency())
                + " on your complaint " + granted.reference() + ", and reward you with another "
                + money(granted.rewardAmount(), granted.currency()) + ".";
    }

    /** At least the currency's minor digits (12.5 EUR reads 12.50 EUR), never rounded. */
    static String money(BigDecimal amount, String currency) {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownToTheJdk) {
            digits = 2;
        }
        return amount.setScale(Math.max(digits, amount.scale())).toPlainString() + " " + currency;
    }
}
