package io.careline.claimcare.service;

/** A health condition a partner reports for a paid claim's beneficiary; each is also an eligibility criterion. */
public enum HealthCondition {
    CRITICAL_ILLNESS, CHRONIC_ILLNESS, DISABILITY;

    public Criterion criterion() {
        return Criterion.valueOf(name());
    }
}
