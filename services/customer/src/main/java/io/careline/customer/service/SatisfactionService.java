package io.careline.customer.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;

import org.bson.Document;

import io.careline.customer.config.CustomerConfig;
import io.careline.customer.messaging.CustomerEvents;
import io.careline.customer.repository.Customer.Satisfaction;
import io.careline.customer.repository.Customer.Survey;
import io.careline.customer.repository.Customer.SurveyTrigger;
import io.careline.customer.repository.Customer.Zone;
import io.careline.customer.repository.CustomerRepository;
import io.careline.customer.service.CustomerChanges.Change;
import io.smallrye.mutiny.Uni;

/**
 * Satisfaction and loyalty. A survey is opened after each visit and after each closed complaint; the customer answers
 * it with a score from 1 to 5. Their satisfaction (0-100) is the mean of their latest answers (the window), each scaled
 * so 1 is 0 and 5 is 100, kept over time; it puts them in a zone: at risk below the first bound, loyal from the second,
 * indifferent between. Entering "at risk" raises CustomerAtRisk, in the update that records the answer, so once per
 * entry.
 */
@ApplicationScoped
public class SatisfactionService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CustomerRepository customers;
    private final CustomerChanges changes;
    private final CustomerEvents events;
    private final CustomerConfig config;
    private final Clock clock;

    public SatisfactionService(CustomerRepository customers, CustomerChanges changes, CustomerEvents events,
            CustomerConfig config, Clock clock) {
        this.customers = customers;
        this.changes = changes;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens the survey about a closed complaint, once per complaint (a redelivery, or the complaint resolved and then
     * closed, opens none). False when it was open already or the customer is not known here.
     */
    public Uni<Boolean> openAfterComplaint(String customerId, String complaintId, String reference) {
        Survey survey = new Survey();
        survey.id = "Q-" + HexFormat.of().formatHex(randomBytes());
        survey.trigger = SurveyTrigger.complaint;
        survey.ref = complaintId;
        survey.label = reference;
        survey.openedAt = now();
        return customers.addSurveyOnce(customerId, survey);
    }

    /** The customer's answer; a survey answered already is a 409 (the first answer stands). */
    public Uni<Survey> answer(String customerId, String surveyId, int score, String comment) {
        return changes.apply(customerId, customer -> {
            CustomerService.requireNotErased(customer);
            Survey survey = customer.surveys.stream().filter(candidate -> candidate.id.equals(surveyId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("there is no survey " + surveyId));
            if (survey.answeredAt != null) {
                throw CustomerProblem.conflict("already-answered", null, "this survey was answered at " + survey.answeredAt);
            }
            Instant now = now();
            survey.score = score;
            survey.comment = comment == null || comment.isBlank() ? null : comment.strip();
            survey.answeredAt = now;
            Zone before = customer.satisfaction.isEmpty() ? null : customer.satisfaction.get(customer.satisfaction.size() - 1).zone;
            Satisfaction after = new Satisfaction();
            after.at = now;
            after.score = score(customer.surveys);
            after.zone = zone(after.score);
            customer.satisfaction.add(after);
            List<Document> announced = new ArrayList<>(List.of(events.surveyAnswered(customer.id, survey, after)));
            if (after.zone == Zone.at_risk && before != Zone.at_risk) {
                announced.add(events.atRisk(customer.id, after, before, customer.officer));
            }
            return Change.of(survey, announced);
        });
    }

    /** The mean of the latest answers in the window, each scaled from 1-5 to 0-100, rounded. */
    int score(List<Survey> surveys) {
        List<Integer> latest = surveys.stream().filter(survey -> survey.answeredAt != null)
                .sorted(Comparator.comparing((Survey survey) -> survey.answeredAt).reversed())
                .limit(config.satisfaction().window()).map(survey -> survey.score).toList();
        return (int) Math.round(latest.stream().mapToInt(score -> (score - 1) * 25).average().orElse(0));
    }

    public Zone zone(int score) {
        if (score < config.satisfaction().atRiskBelow()) {
            return Zone.at_risk;
        }
        return score >= config.satisfaction().loyalFrom() ? Zone.loyal : Zone.indifferent;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
