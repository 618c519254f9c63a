package io.careline.claimcare.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.Beneficiary.ConsentDecision;
import io.careline.claimcare.repository.Beneficiary.ConsentGivenBy;
import io.careline.claimcare.repository.BeneficiaryRepository;
import io.careline.claimcare.repository.HealthReadAudit;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.care.CareConsentRecorded;
import io.careline.outbox.EventOutbox;
import io.careline.service.problem.UnprocessableRequestException;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Beneficiaries as staff see them, their consent, and the one audited path to their health data. */
@ApplicationScoped
public class BeneficiaryService {

    private final BeneficiaryRepository beneficiaries;
    private final HealthCipher cipher;
    private final EventOutbox outbox;
    private final ObjectMapper json;
    private final Clock clock;

    public BeneficiaryService(BeneficiaryRepository beneficiaries, HealthCipher cipher, EventOutbox outbox,
            ObjectMapper json, Clock clock) {
        this.beneficiaries = beneficiaries;
        this.cipher = cipher;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    public record BeneficiaryPage(List<Beneficiary> items, long total) {
    }

    public Uni<BeneficiaryPage> page(CareReader reader, Beneficiary.Status status, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> reader.coordinator()
                ? beneficiaries.page(status, page, size).chain(items -> beneficiaries.count(status)
                        .map(total -> new BeneficiaryPage(items, total)))
                : beneficiaries.pageAssigned(reader.username(), page, size).chain(items -> beneficiaries
                        .countAssigned(reader.username()).map(total -> new BeneficiaryPage(items, total)))));
    }

    /** The beneficiary, if this reader may see them; null otherwise. */
    public Uni<Beneficiary> find(CareReader reader, UUID id) {
        return Uncancellable.run(() -> Panache.withSession(() -> visible(reader, id)));
    }

    /**
     * Decrypts the beneficiary's health data for a coordinator or an assigned volunteer, and records the read in the
     * same transaction: no read without its audit row. Null when the reader may not see the person.
     */
    public Uni<HealthRecord> readHealth(CareReader reader, UUID id) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> visible(reader, id).chain(beneficiary -> {
            if (beneficiary == null) {
                return Uni.createFrom().nullItem();
            }
            if (beneficiary.healthCipher == null) {
                throw new ClientErrorException("the health data of this beneficiary was erased", Response.Status.GONE);
            }
            HealthRecord health = deserialize(cipher.open(beneficiary.id, beneficiary.healthKeyId, beneficiary.healthCipher));
            return audit(beneficiary.id, reader.username(), reader.role(), HealthReadAudit.Purpose.CARE).replaceWith(health);
        })));
    }

    /** Who read a beneficiary's health data, newest first (for coordinators). */
    public Uni<HealthReadPage> healthReads(UUID id, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> HealthReadAudit.<HealthReadAudit> find("beneficiaryId",
                Sort.descending("readAt").and("id"), id).page(page, size).list()
                .chain(items -> HealthReadAudit.count("beneficiaryId", id).map(total -> new HealthReadPage(items, total)))));
    }

    public record HealthReadPage(List<HealthReadAudit> items, long total) {
    }

    /**
     * Records consent given or refused. A minor's consent is their guardian's, named. Care begins only after consent
     * was given; a refusal may later turn into consent, never the other way once care began.
     */
    public Uni<Beneficiary> recordConsent(UUID id, ConsentDecision decision, ConsentGivenBy givenBy, String guardianName,
            String recordedBy) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> beneficiaries.findById(id).chain(beneficiary -> {
            if (beneficiary == null) {
                throw new NotFoundException("no beneficiary " + id);
            }
            if (beneficiary.status != Beneficiary.Status.PROPOSED && beneficiary.status != Beneficiary.Status.REFUSED) {
                throw new ClientErrorException("consent is recorded before care begins; this beneficiary is "
                        + beneficiary.status, Response.Status.CONFLICT);
            }
            if (beneficiary.minor && givenBy != ConsentGivenBy.GUARDIAN) {
                throw new UnprocessableRequestException("givenBy", "must be GUARDIAN: the beneficiary is a minor");
            }
            if (givenBy == ConsentGivenBy.GUARDIAN && (guardianName == null || guardianName.isBlank())) {
                throw new UnprocessableRequestException("guardianName", "is required when a guardian gives consent");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            beneficiary.consentDecision = decision;
            beneficiary.consentGivenBy = givenBy;
            beneficiary.consentRecordedAt = now;
            beneficiary.consentRecordedBy = recordedBy;
            if (givenBy == ConsentGivenBy.GUARDIAN) {
                beneficiary.guardianName = guardianName.strip();
            }
            beneficiary.status = decision == ConsentDecision.GIVEN ? Beneficiary.Status.CONSENTED : Beneficiary.Status.REFUSED;
            return outbox.add(CareConsentRecorded.EVENT, EventEnvelope.of(CareConsentRecorded.EVENT, beneficiary.customerId,
                    now, new CareConsentRecorded(beneficiary.id, decision.name(), givenBy.name(), now)))
                    .replaceWith(beneficiary);
        })));
    }

    Uni<Beneficiary> visible(CareReader reader, UUID id) {
        return reader.coordinator() ? beneficiaries.findById(id) : beneficiaries.findAssigned(id, reader.username());
    }

    Uni<Void> audit(UUID beneficiaryId, String reader, String role, HealthReadAudit.Purpose purpose) {
        HealthReadAudit entry = new HealthReadAudit();
        entry.id = UUID.randomUUID();
        entry.beneficiaryId = beneficiaryId;
        entry.reader = reader;
        entry.readerRole = role;
        entry.purpose = purpose;
        entry.readAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return entry.persist().replaceWithVoid();
    }

    HealthRecord deserialize(String plaintext) {
        try {
            return json.readValue(plaintext, HealthRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("health data does not read back", e);
        }
    }
}
