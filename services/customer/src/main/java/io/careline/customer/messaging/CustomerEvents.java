package io.careline.customer.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.careline.contracts.customer.ConsentChanged;
import io.careline.contracts.customer.CustomerAtRisk;
import io.careline.contracts.customer.CustomerErased;
import io.careline.contracts.customer.CustomerProfileChanged;
import io.careline.contracts.customer.GreetingDue;
import io.careline.contracts.customer.SubscriptionCancelled;
import io.careline.contracts.customer.SubscriptionConfirmationRequested;
import io.careline.contracts.customer.SubscriptionConfirmed;
import io.careline.contracts.customer.SurveyAnswered;
import io.careline.contracts.customer.VisitOverdue;
import io.careline.contracts.customer.VisitRecorded;
import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.Channel;
import io.careline.customer.repository.Customer.Consent;
import io.careline.customer.repository.Customer.Need;
import io.careline.customer.repository.Customer.Officer;
import io.careline.customer.repository.Customer.Satisfaction;
import io.careline.customer.repository.Customer.Subscription;
import io.careline.customer.repository.Customer.Survey;
import io.careline.customer.repository.Customer.Visit;
import io.careline.customer.repository.Customer.Zone;
import io.careline.outbox.mongo.MongoOutbox;

/**
 * The one place this service's events are made: each becomes an outbox entry that the change writes into the
 * customer's document in the same update; the outbox relay publishes it to careline.customer.v1, keyed by customer.
 */
@ApplicationScoped
public class CustomerEvents {

    private final MongoOutbox outbox;

    public CustomerEvents(MongoOutbox outbox) {
        this.outbox = outbox;
    }

    /** The whole profile as it is now. */
    public Document profileChanged(Customer customer, Instant at) {
        return pending(CustomerProfileChanged.EVENT, customer.id, at, new CustomerProfileChanged(customer.id,
                customer.displayName, customer.locale, customer.timezone, customer.region,
                customer.emails.stream().map(email -> new CustomerProfileChanged.Email(email.address, email.verified)).toList(),
                customer.phones.stream().map(phone -> new CustomerProfileChanged.Phone(phone.number, phone.verified)).toList(),
                customer.preferredChannel == null ? null : customer.preferredChannel.name(), customer.birthday));
    }

    public Document consentChanged(String customerId, Consent consent) {
        return pending(ConsentChanged.EVENT, customerId, consent.at, new ConsentChanged(customerId,
                consent.purpose.name(), consent.channel.name(), consent.granted, consent.source, consent.at));
    }

    /** Carries the code in clear for the notification service to send; only its keyed hash is stored with the request. */
    public Document confirmationRequested(String customerId, Subscription subscription, String code, Instant at) {
        return pending(SubscriptionConfirmationRequested.EVENT, customerId, at, new SubscriptionConfirmationRequested(
                customerId, subscription.id, subscription.product, code, subscription.codeChannel.name(),
                subscription.expiresAt));
    }

    public Document confirmed(String customerId, Subscription subscription) {
        return pending(SubscriptionConfirmed.EVENT, customerId, subscription.confirmedAt, new SubscriptionConfirmed(
                customerId, subscription.id, subscription.product, "app", subscription.confirmedAt));
    }

    public Document cancelled(String customerId, Subscription subscription) {
        return pending(SubscriptionCancelled.EVENT, customerId, subscription.cancelledAt, new SubscriptionCancelled(
                customerId, subscription.id, subscription.product, subscription.cancelChannel.name(),
                subscription.cancelledAt));
    }

    public Document erased(String customerId, Instant requestedAt) {
        return pending(CustomerErased.EVENT, customerId, requestedAt, new CustomerErased(customerId, requestedAt));
    }

    public Document greetingDue(String customerId, String occasion, int year, Channel channel, String locale,
            Instant dueAt, Instant at) {
        return pending(GreetingDue.EVENT, customerId, at, new GreetingDue(customerId, occasion, year, channel.name(), locale,
                dueAt));
    }

    public Document visitRecorded(String customerId, Visit visit) {
        return pending(VisitRecorded.EVENT, customerId, visit.recordedAt, new VisitRecorded(customerId, visit.id,
                visit.officer, visit.visitedAt, visit.needs.stream().map(Need::name).toList(), visit.confirmation.name()));
    }

    public Document visitOverdue(String customerId, Officer officer, String period, Instant dueBy, Instant lastVisitAt,
            Instant at) {
        return pending(VisitOverdue.EVENT, customerId, at, new VisitOverdue(customerId, officer.username,
                officer.supervisor, period, dueBy, lastVisitAt));
    }

    public Document surveyAnswered(String customerId, Survey survey, Satisfaction satisfaction) {
        return pending(SurveyAnswered.EVENT, customerId, survey.answeredAt, new SurveyAnswered(customerId, survey.id,
                survey.trigger.name(), survey.score, satisfaction.score, satisfaction.zone.name(), survey.answeredAt));
    }

    public Document atRisk(String customerId, Satisfaction satisfaction, Zone previous, Officer officer) {
        return pending(CustomerAtRisk.EVENT, customerId, satisfaction.at, new CustomerAtRisk(customerId, satisfaction.score,
                previous == null ? null : previous.name(), officer == null ? null : officer.username, satisfaction.at));
    }

    private Document pending(EventType type, String customerId, Instant at, Object data) {
        return outbox.event(type, EventEnvelope.of(type, customerId, at, data));
    }
}
