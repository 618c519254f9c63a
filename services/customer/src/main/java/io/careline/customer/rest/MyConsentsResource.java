package io.careline.customer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.careline.customer.service.ConsentChange;
import io.careline.customer.service.ConsentService;
import io.careline.customer.service.CustomerService;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/consents")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My consents", description = "What the signed-in customer agreed to, per purpose (marketing, greetings, "
        + "service, data_sharing) and channel (email, sms, push, in_app, any), with every change kept.")
public class MyConsentsResource {

    private final CustomerService customers;
    private final ConsentService consents;
    private final TokenClaims claims;

    public MyConsentsResource(CustomerService customers, ConsentService consents, TokenClaims claims) {
        this.customers = customers;
        this.consents = consents;
        this.claims = claims;
    }

    @GET
    @Operation(summary = "My consents in force and their history, newest first")
    public Uni<ConsentsView> get() {
        return customers.mine(claims.signIn()).map(ConsentsView::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give or withdraw consents", description = "Each consent that changes is recorded with source "
            + "app, the time, and as proof the app session and token it was given with and the wording shown; one "
            + "already in force as sent is left alone. Consents not sent are kept.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "greetings by SMS, no marketing", value = """
            {"consents": [{"purpose": "greetings", "channel": "sms", "granted": true, "wording": "greetings-v2"},
                          {"purpose": "marketing", "channel": "any", "granted": false}]}""")))
    public Uni<ConsentsView> set(@Valid @NotNull ConsentChange change) {
        return customers.mine(claims.signIn())
                .chain(customer -> consents.set(customer.id, change, "app", claims.evidence()))
                .map(ConsentsView::of);
    }
}
