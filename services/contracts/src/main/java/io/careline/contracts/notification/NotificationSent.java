package io.careline.contracts.notification;

import java.time.Instant;

import io.careline.contracts.EventType;
import io.careline.contracts.Topics;

/**
 * A message reached a channel's provider (the SMTP server, the SMS or push provider, the in-app inbox). One per
 * business event and channel. {@code deliveryId} is {@code <sourceEventId>:<channel>}; {@code channel}: in_app,
 * email, sms, push; {@code locale} and {@code templateVersion} are the template's, {@code localeFallback} true when
 * it is not the recipient's language; {@code fallbackFrom} names the channel that failed or was suppressed before
 * this one (null when none); {@code criticalBypass} true when the message went out despite an opt-out because it is
 * critical. No address or text: the topic carries no personal data.
 */
public record NotificationSent(
        String deliveryId,
        String customerId,
        String sourceEventId,
        String kind,
        String channel,
        String locale,
        int templateVersion,
        boolean localeFallback,
        String fallbackFrom,
        boolean criticalBypass,
        int attempts,
        Instant sentAt) {

    public static final EventType EVENT = new EventType("NotificationSent", 1, Topics.NOTIFICATION);
}
