package io.careline.customer.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * One customer: profile, contacts, consents, subscriptions, erasure state. MongoDB here has no multi-document
 * transactions, so everything a change touches lives in this one document and every change is one conditional update
 * on {@link #version} (optimistic locking). The events of a change wait in the same document's outbox (written by
 * {@code MongoOutbox} in that update, invisible to this class), so the change and its events are stored together or not
 * at all. Never replace the whole document (it would drop unpublished events): change it with update operators.
 *
 * <p>Enum constants are the values on the wire (lower case), so the API, the stored documents and the events agree.
 */
@MongoEntity(collection = "customer")
public class Customer {

    public static final String ERASED = "[erased]";

    /** C-1001: the token's customer_id claim for a customer who signs in. */
    public String id;

    /** Raised by one on every change; a write expecting another version changed nothing. */
    public long version;

    public Instant createdAt;

    /** sign-in, agent:&lt;username&gt; or partner:&lt;partner_id&gt;. */
    public String createdBy;

    public String displayName;
    public String givenName;
    public String familyName;
    /** yyyy-MM-dd, or null. */
    public String birthday;
    /**
     * "MM-dd/&lt;id&gt;" (03-08/C-100001) while there is a {@link #birthday}, kept with it by the repository: the greetings
     * find a day's birthdays by its prefix, through a sparse unique index (unique, because the Mongo-wire stand-in uses
     * no other kind; a prefix is a range of a real MongoDB's index).
     */
    public String birthdayKey;
    /** An IETF language tag (ru-RU). */
    public String locale;
    /** A java.time ZoneId (Europe/Moscow). */
    public String timezone;
    public String region;

    public List<Email> emails = new ArrayList<>();
    public List<Phone> phones = new ArrayList<>();
    public List<PushToken> pushTokens = new ArrayList<>();
    public Channel preferredChannel;
    public List<HouseholdLink> household = new ArrayList<>();
    /** The partners that created or linked this customer, each under its own external id. */
    public List<PartnerLink> partners = new ArrayList<>();

    /**
     * "email:alice@example.org", "phone:+4915112345678": the verified contacts, normalised. Unique across customers
     * (a sparse unique index), so two customers never share one; absent when there are none.
     */
    public List<String> verifiedContacts;

    /** "acme|EXT-1": partner_id and external id, unique across customers; absent when there are none. */
    public List<String> partnerKeys;

    /** The consent in force per purpose and channel. */
    public List<Consent> consents = new ArrayList<>();
    /** Every consent ever recorded, oldest first; never rewritten except by erasure (proof removed). */
    public List<Consent> consentHistory = new ArrayList<>();

    public List<Subscription> subscriptions = new ArrayList<>();

    /** The greetings announced, by occasion and year ("birthday-2026"): each is announced once. */
    public List<String> greetings = new ArrayList<>();

    public LegalHold legalHold;

    public Erasure erasure;

    /** The officer (an agent) responsible for visiting this customer; null until a supervisor assigns one. */
    public Officer officer;
    /** Follow-up visits, oldest first. */
    public List<Visit> visits = new ArrayList<>();
    /** The offers opened by needs flagged in visits, tracked until completed. */
    public List<FollowUp> followUps = new ArrayList<>();
    /** The visit alerts raised, by period ("visit-overdue-2026-10"): each is raised once. */
    public List<String> visitAlerts = new ArrayList<>();

    /** Satisfaction surveys, opened after visits and closed complaints, oldest first. */
    public List<Survey> surveys = new ArrayList<>();
    /** The satisfaction score after each answered survey, oldest first; the last is the score now. */
    public List<Satisfaction> satisfaction = new ArrayList<>();

    public boolean erased() {
        return erasure != null;
    }

    public enum Channel { email, sms, push, in_app }

    public enum Purpose { marketing, greetings, service, data_sharing }

    public enum ConsentChannel { email, sms, push, in_app, any }

    public enum HouseholdRole { guardian, minor, member }

    public enum SubscriptionStatus { pending, active, cancelled, expired }

    /** The three ways out of a subscription. */
    public enum CancelChannel { app, sms, agent }

    public enum Need { financial, legal, technical_training, other }

    /** How the customer confirmed a visit took place. */
    public enum VisitConfirmation { signature, verbal, code }

    public enum FollowUpStatus { open, in_progress, completed }

    public enum SurveyTrigger { visit, complaint }

    public enum Zone { at_risk, indifferent, loyal }

    public static class Email {
        public String address;
        public boolean verified;

        public Email() {
        }

        public Email(String address, boolean verified) {
            this.address = address;
            this.verified = verified;
        }
    }

    public static class Phone {
        public String number;
        public boolean verified;

        public Phone() {
        }

        public Phone(String number, boolean verified) {
            this.number = number;
            this.verified = verified;
        }
    }

    public static class PushToken {
        public String token;
        public String platform;
        public boolean verified;
    }

    /** This customer's relation to another: {@code role} is what the other customer is to this one. */
    public static class HouseholdLink {
        public String customerId;
        public HouseholdRole role;
    }

    public static class PartnerLink {
        public String partnerId;
        public String externalId;
        public Instant linkedAt;
    }

    public static class Consent {
        public Purpose purpose;
        public ConsentChannel channel;
        public boolean granted;
        /** app, agent or partner. */
        public String source;
        public Instant at;
        /** What shows the consent was given: who recorded it, through which session, against which wording. */
        public String proof;
    }

    public static class Subscription {
        public String id;
        public String product;
        public SubscriptionStatus status;
        /** Where the confirmation code was sent. */
        public Channel codeChannel;
        /** HMAC-SHA256 of the code, keyed (careline.customer.subscriptions.code-key); never the code itself. */
        public String codeHash;
        public Instant expiresAt;
        public int failedAttempts;
        public Instant requestedAt;
        public Instant confirmedAt;
        public Instant cancelledAt;
        public CancelChannel cancelChannel;
        /** The agent who cancelled on the customer's behalf, or the phone an SMS came from. */
        public String cancelledBy;
        /** Why a request ended without confirmation: expired or too-many-attempts. */
        public String voidReason;
    }

    public static class LegalHold {
        public boolean active;
        public String reason;
        public String setBy;
        public Instant at;
    }

    public static class Erasure {
        public Instant requestedAt;
        public String requestedBy;
        /** The services expected to confirm, fixed when erasure was requested. */
        public List<String> expected = new ArrayList<>();
        public List<ErasureConfirmation> confirmations = new ArrayList<>();
    }

    public static class ErasureConfirmation {
        public String service;
        public Instant at;
    }

    public static class Officer {
        /** The agent's user name. */
        public String username;
        /** The supervisor who assigned them: told, with them, of an overdue visit. */
        public String supervisor;
        public Instant assignedAt;
    }

    public static class Visit {
        public String id;
        public String officer;
        public Instant visitedAt;
        public Instant recordedAt;
        public List<Answer> answers = new ArrayList<>();
        public List<Need> needs = new ArrayList<>();
        public VisitConfirmation confirmation;
        /** What shows it: a signature's scan id, the code read back, who heard it. */
        public String confirmationReference;
    }

    public static class Answer {
        public String question;
        public String answer;
    }

    public static class FollowUp {
        public String id;
        public String visitId;
        public Need need;
        public String note;
        public FollowUpStatus status;
        public Instant openedAt;
        public Instant updatedAt;
        public String updatedBy;
    }

    public static class Survey {
        public String id;
        public SurveyTrigger trigger;
        /** The visit id, or the complaint id: one survey per visit or complaint. */
        public String ref;
        /** The complaint's reference (CMP-...), shown to the customer. */
        public String label;
        public Instant openedAt;
        public Instant answeredAt;
        /** 1 (very unhappy) to 5 (very happy); null until answered. */
        public Integer score;
        public String comment;
    }

    public static class Satisfaction {
        public Instant at;
        /** 0-100: the mean of the last answers, each scaled from 1-5. */
        public int score;
        public Zone zone;
    }
}
