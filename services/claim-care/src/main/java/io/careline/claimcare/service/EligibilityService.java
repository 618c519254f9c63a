package io.careline.claimcare.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.claimcare.config.CareConfig;
import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.BeneficiaryRepository;
import io.careline.claimcare.repository.Claim;
import io.careline.claimcare.repository.EligibilityFact;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.care.CareProposed;
import io.careline.outbox.EventOutbox;
import io.smallrye.mutiny.Uni;

/**
 * Checks a paid claim's beneficiary against the configured criteria (careline.care.eligibility.criteria). An eligible
 * person is proposed for care, their health data sealed; nothing is kept about one who is not eligible.
 */
@ApplicationScoped
public class EligibilityService {

    private final BeneficiaryRepository beneficiaries;
    private final HealthCipher cipher;
    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final CareConfig config;
    private final Clock clock;

    public EligibilityService(BeneficiaryRepository beneficiaries, HealthCipher cipher, EventOutbox outbox,
            ObjectMapper json, CareConfig config, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.cipher = cipher;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** The criteria this person meets among those configured; empty when they are not eligible. */
    public Set<Criterion> criteriaMet(PaidBeneficiary person, LocalDate paidOn) {
        Set<Criterion> met = EnumSet.noneOf(Criterion.class);
        person.healthConditions().forEach(condition -> met.add(condition.criterion()));
        if (isMinor(person.dateOfBirth(), paidOn)) {
            met.add(Criterion.MINOR);
        }
        met.retainAll(config.eligibility().criteria());
        return met;
    }

    public boolean isMinor(LocalDate dateOfBirth, LocalDate on) {
        return Period.between(dateOfBirth, on).getYears() < config.eligibility().minorUnderAge();
    }

    /** Runs inside the payment's transaction: the proposal commits with the payment, or neither does. */
    Uni<Void> onPaid(Claim claim, PaidBeneficiary person) {
        LocalDate paidOn = claim.paidAt.atZone(ZoneOffset.UTC).toLocalDate();
        Set<Criterion> met = criteriaMet(person, paidOn);
        if (met.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Beneficiary beneficiary = new Beneficiary();
        beneficiary.id = UUID.randomUUID();
        beneficiary.claimId = claim.id;
        beneficiary.customerId = claim.customerId;
        beneficiary.fullName = person.fullName().strip();
        beneficiary.dateOfBirth = person.dateOfBirth();
        beneficiary.relationship = person.relationship();
        beneficiary.region = person.region();
        beneficiary.language = person.language();
        beneficiary.minor = isMinor(person.dateOfBirth(), paidOn);
        beneficiary.guardianName = person.guardianName();
        Set<HealthCondition> conditions = EnumSet.noneOf(HealthCondition.class);
        conditions.addAll(person.healthConditions());
        HealthCipher.Sealed sealed = cipher.seal(beneficiary.id, serialize(new HealthRecord(conditions, person.healthNotes())));
        beneficiary.healthKeyId = sealed.keyId();
        beneficiary.healthCipher = sealed.value();
        beneficiary.status = Beneficiary.Status.PROPOSED;
        beneficiary.paidAt = claim.paidAt;
        beneficiary.proposedAt = now;
        return beneficiaries.persist(beneficiary)
                // one session runs one statement at a time: the facts go in one call, not concurrently
                .call(() -> EligibilityFact.persist(met.stream().map(criterion -> fact(criterion, beneficiary.region, now)).toList()))
                .call(stored -> outbox.add(CareProposed.EVENT, EventEnvelope.of(CareProposed.EVENT, claim.customerId, now,
                        new CareProposed(stored.id, claim.id, stored.minor, now))))
                .replaceWithVoid();
    }

    private static EligibilityFact fact(Criterion criterion, String region, Instant at) {
        EligibilityFact fact = new EligibilityFact();
        fact.id = UUID.randomUUID();
        fact.criterion = criterion;
        fact.region = region;
        fact.proposedAt = at;
        return fact;
    }

    private String serialize(HealthRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
