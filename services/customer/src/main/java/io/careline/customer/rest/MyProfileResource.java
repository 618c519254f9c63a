package io.careline.customer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.careline.customer.service.CustomerService;
import io.careline.customer.service.ProfileEdit;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/profile")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My profile", description = "The signed-in customer's own profile (mobile app). The customer is the one "
        + "their verified token names (customer_id claim), never one named in the request.")
public class MyProfileResource {

    private final CustomerService customers;
    private final TokenClaims claims;

    public MyProfileResource(CustomerService customers, TokenClaims claims) {
        this.customers = customers;
        this.claims = claims;
    }

    @GET
    @Operation(summary = "My profile", description = "Made from the token (names, e-mail) at the first sign-in.")
    public Uni<CustomerView> get() {
        return customers.mine(claims.signIn()).map(CustomerView::forCustomer);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change my profile", description = "Only displayName, locale, timezone, emails, phones, "
            + "pushTokens and preferredChannel; any other field (customerId, birthday, a contact's verified flag) is a "
            + "400 naming it. A field left out is kept; a list sent replaces the list. A contact you had verified stays "
            + "verified, a new one is unverified. A verified contact of another customer is a 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "edit", value = """
            {"displayName": "Alice I.", "timezone": "Europe/Moscow", "phones": [{"number": "+7 916 123-45-67"}],
             "preferredChannel": "sms"}""")))
    public Uni<CustomerView> edit(@Valid @NotNull ProfileEdit edit) {
        return customers.editMine(claims.signIn(), edit).map(CustomerView::forCustomer);
    }
}
