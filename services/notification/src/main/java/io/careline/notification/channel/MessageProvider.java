package io.careline.notification.channel;

import io.smallrye.mutiny.Uni;

/** An SMS or push provider's API. */
public interface MessageProvider {

    Uni<Void> send(String channel, Outgoing message);
}
