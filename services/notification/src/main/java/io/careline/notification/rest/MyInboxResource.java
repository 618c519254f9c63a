package io.careline.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.careline.notification.service.InboxService;
import io.careline.service.security.Caller;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/inbox")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My inbox", description = "A customer's own in-app messages (mobile app)")
public class MyInboxResource {

    private final InboxService inbox;
    private final Caller caller;

    public MyInboxResource(InboxService inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "My messages, newest first, with how many I have and how many are unread",
            description = "Keyset paging: pass the page's next as before for the following page.")
    public Uni<InboxView> list(@Valid @BeanParam InboxQuery query) {
        return inbox.pageOwned(caller.customerId(), query.cursor(), query.size)
                .map(found -> InboxView.of(found, query.size));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my messages read", description = "Marking a message read again keeps the time "
            + "it was first read. Another customer's message is not found, exactly like one that does not exist.")
    public Uni<Void> markRead(@RestPath String id) {
        return inbox.markRead(caller.customerId(), id)
                .chain(found -> found
                        ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new NotFoundException("there is no such message in your inbox")));
    }
}
