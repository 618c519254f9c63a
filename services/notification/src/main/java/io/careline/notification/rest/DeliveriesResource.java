package io.careline.notification.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.careline.notification.channel.RecordingProvider;
import io.careline.notification.repository.Delivery;
import io.careline.notification.repository.DeliveryRepository;
import io.careline.notification.repository.RecordedMessage;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Deliveries", description = "What was sent to whom, on which channel, and why not (staff)")
public class DeliveriesResource {

    static final int MAX_SIZE = 100;

    public record DeliveryView(String id, String customerId, String sourceEventId, String kind, String channel,
            String status, String reason, boolean critical, boolean criticalBypass, String fallbackFrom, String address,
            String requestedLocale, String locale, int templateVersion, boolean localeFallback, int attempts,
            Instant createdAt, Instant notBefore, Instant sentAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id, d.customerId, d.sourceEventId, d.kind, d.channel, d.status.name(), d.reason,
                    d.critical, d.criticalBypass, d.fallbackFrom, d.address, d.requestedLocale, d.locale,
                    d.templateVersion, d.localeFallback, d.attempts, d.createdAt, d.notBefore, d.sentAt);
        }
    }

    public record DeliveryList(List<DeliveryView> items, int size) {
    }

    public record RecordedView(String deliveryId, String channel, String customerId, String to, String title,
            String body, Instant recordedAt) {

        static RecordedView of(RecordedMessage m) {
            return new RecordedView(m.deliveryId, m.channel, m.customerId, m.to, m.title, m.body, m.recordedAt);
        }
    }

    public record RecordedList(List<RecordedView> items, int size) {
    }

    private final DeliveryRepository deliveries;
    private final RecordingProvider recorded;

    public DeliveriesResource(DeliveryRepository deliveries, RecordingProvider recorded) {
        this.deliveries = deliveries;
        this.recorded = recorded;
    }

    @GET
    @Path("deliveries")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Delivery records of a customer or of a source event, newest first",
            description = "One per business event and channel: queued, sent, failed, or suppressed with the reason; "
                    + "the template's locale and version, whether it fell back, and the channel it fell back from.")
    public Uni<DeliveryList> search(@RestQuery String customerId, @RestQuery String sourceEventId,
            @RestQuery Integer size) {
        if (blank(customerId) && blank(sourceEventId)) {
            throw NotificationProblem.invalid("customerId", "is required unless sourceEventId is given");
        }
        int limit = size(size);
        return deliveries.search(blank(customerId) ? null : customerId, blank(sourceEventId) ? null : sourceEventId, limit)
                .map(found -> new DeliveryList(found.stream().map(DeliveryView::of).toList(), limit));
    }

    @GET
    @Path("recorded")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "What the recording SMS and push provider would have sent, newest first (local stack)")
    public Uni<RecordedList> recorded(@RestQuery String customerId, @RestQuery String channel, @RestQuery Integer size) {
        if (!blank(channel) && !List.of("sms", "push").contains(channel)) {
            throw NotificationProblem.invalid("channel", "must be sms or push");
        }
        int limit = size(size);
        return recorded.list(blank(customerId) ? null : customerId, blank(channel) ? null : channel, limit)
                .map(found -> new RecordedList(found.stream().map(RecordedView::of).toList(), limit));
    }

    private static int size(Integer size) {
        if (size == null) {
            return 50;
        }
        if (size < 1 || size > MAX_SIZE) {
            throw NotificationProblem.invalid("size", "must be 1 to " + MAX_SIZE);
        }
        return size;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
