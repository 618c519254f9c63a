package io.careline.customer.rest;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Survey;

/** Surveys and satisfaction as the customer and care staff see them. */
final class SurveyViews {

    private SurveyViews() {
    }

    /** Open surveys first, then newest first. */
    static List<SurveyView> surveys(Customer customer) {
        return customer.surveys.stream()
                .sorted(Comparator.comparing((Survey survey) -> survey.answeredAt != null)
                        .thenComparing(survey -> survey.openedAt, Comparator.reverseOrder()))
                .map(SurveyView::of).toList();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SurveyView(String id, String about, String ref, String label, Instant openedAt, Instant answeredAt, Integer score,
            String comment) {

        static SurveyView of(Survey survey) {
            return new SurveyView(survey.id, survey.trigger.name(), survey.ref, survey.label, survey.openedAt,
                    survey.answeredAt, survey.score, survey.comment);
        }
    }

    record ScoreView(Instant at, int score, String zone) {
    }

    /** The score now (null before a first answer), its zone, and its history, oldest first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SatisfactionView(String customerId, Integer score, String zone, List<ScoreView> history) {

        static SatisfactionView of(Customer customer) {
            List<ScoreView> history = customer.satisfaction.stream()
                    .map(point -> new ScoreView(point.at, point.score, point.zone.name())).toList();
            ScoreView now = history.isEmpty() ? null : history.get(history.size() - 1);
            return new SatisfactionView(customer.id, now == null ? null : now.score(), now == null ? null : now.zone(), history);
        }
    }
}
