package io.careline.customer.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/customers/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "360° timeline", description = "Everything that happened with a customer, from every service's events.")
public class TimelineResource {

    private final TimelineService timeline;

    public TimelineResource(TimelineService timeline) {
        this.timeline = timeline;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntryView(String id, Instant at, String type, int version, String source, Map<String, Object> data,
            Boolean erased) {

        static EntryView of(TimelineEntry entry) {
            return new EntryView(entry.id, entry.at, entry.type, entry.version, entry.source, entry.data,
                    entry.erased ? Boolean.TRUE : null);
        }
    }

    /** A page of entries, newest first, and the position of the next page (absent on the last). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineView(String customerId, List<EntryView> items, String next) {
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER, Roles.ADMIN })
    @Operation(summary = "The customer's 360° timeline, newest first", description = "Complaints and their SLA "
            + "outcomes, claims and care, notifications, visits, surveys, consents and subscriptions: every event about "
            + "the customer, from every service's topic. Keyset-paginated: pass the answer's next as after. Personal "
            + "text is not in it; an erased customer's entries keep only what happened when. A customer this service "
            + "has no events of has an empty timeline.")
    public Uni<TimelineView> timeline(@RestPath String id, @RestQuery @Size(max = 200) String after,
            @RestQuery @DefaultValue("20") @Min(1) @Max(100) int size) {
        return timeline.page(id, after, size)
                .map(page -> new TimelineView(id, page.items().stream().map(EntryView::of).toList(), page.next()));
    }
}
