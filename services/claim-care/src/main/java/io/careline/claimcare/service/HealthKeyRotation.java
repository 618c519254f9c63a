package io.careline.claimcare.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.BeneficiaryRepository;
import io.careline.claimcare.repository.HealthReadAudit;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The second half of a key rotation: after a new key is made current, values sealed with older keys are opened and
 * sealed again with it, a batch per transaction, each audited (a decryption is a read). Once none remain, the old key
 * can leave the configuration.
 */
@ApplicationScoped
public class HealthKeyRotation {

    private final BeneficiaryRepository beneficiaries;
    private final BeneficiaryService readers;
    private final HealthCipher cipher;

    public HealthKeyRotation(BeneficiaryRepository beneficiaries, BeneficiaryService readers, HealthCipher cipher) {
        this.beneficiaries = beneficiaries;
        this.readers = readers;
        this.cipher = cipher;
    }

    public record Outcome(String currentKeyId, int reEncrypted, long remaining) {
    }

    public Uni<Outcome> reEncryptBatch(int batchSize, String operator) {
        String current = cipher.currentKeyId();
        return Uncancellable.run(() -> Panache.withTransaction(() -> beneficiaries.sealedWithOtherKey(current, batchSize)
                .chain(batch -> reseal(batch, operator).replaceWith(batch.size())))
                .chain(done -> Panache.withSession(() -> beneficiaries.countSealedWithOtherKey(current))
                        .map(remaining -> new Outcome(current, done, remaining))));
    }

    private Uni<Void> reseal(List<Beneficiary> batch, String operator) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Beneficiary beneficiary : batch) {
            chain = chain.chain(() -> {
                HealthCipher.Sealed sealed = cipher.seal(beneficiary.id,
                        cipher.open(beneficiary.id, beneficiary.healthKeyId, beneficiary.healthCipher));
                beneficiary.healthKeyId = sealed.keyId();
                beneficiary.healthCipher = sealed.value();
                return readers.audit(beneficiary.id, operator, "admin", HealthReadAudit.Purpose.RE_ENCRYPTION);
            });
        }
        return chain;
    }
}
