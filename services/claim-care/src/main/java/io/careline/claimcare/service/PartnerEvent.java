package io.careline.claimcare.service;

import java.time.Instant;

import io.careline.claimcare.repository.Claim;

/**
 * What every lifecycle event a partner posts carries: the partner (from its token), its claim number, its own event
 * id (a retry is applied once), when it happened, and the fingerprint of the request.
 */
public record PartnerEvent(String partnerId, String claimRef, String eventId, Claim.Status type, Instant occurredAt,
        String fingerprint) {
}
