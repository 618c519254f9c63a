package io.careline.notification.service;

import io.careline.contracts.complaint.DrawWinnersAnnounced;

/** The words of a notice to a winner of the monthly network-report draw. */
final class DrawWins {

    private DrawWins() {
    }

    static String title(DrawWinnersAnnounced draw) {
        return "You won the " + draw.month() + " network-report draw";
    }

    static String body(DrawWinnersAnnounced draw) {
        return "Thank you for reporting network problems. You are one of the winners of the " + draw.month()
                + " draw and receive " + Compensations.money(draw.amount(), draw.currency()) + ".";
    }
}
