package io.careline.claimcare.service;

/** What makes a paid claim's beneficiary eligible for care. The first three are health conditions; MINOR is age. */
public enum Criterion {
    CRITICAL_ILLNESS, CHRONIC_ILLNESS, DISABILITY, MINOR
}
