package io.careline.customer.rest;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.customer.config.CustomerConfig;
import io.careline.customer.service.CustomerService;
import io.careline.customer.service.ErasureService;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My data", description = "The signed-in customer's export and erasure.")
public class MyPrivacyResource {

    private final CustomerService customers;
    private final ErasureService erasures;
    private final TokenClaims claims;
    private final CustomerConfig config;
    private final Clock clock;

    public MyPrivacyResource(CustomerService customers, ErasureService erasures, TokenClaims claims,
            CustomerConfig config, Clock clock) {
        this.customers = customers;
        this.erasures = erasures;
        this.claims = claims;
        this.config = config;
        this.clock = clock;
    }

    @GET
    @Path("export")
    @Operation(summary = "Everything the customer service holds about me, as one JSON document", description = "Other "
            + "services' parts are listed under notYetIncluded.")
    public Uni<ExportView> export() {
        return customers.mine(claims.signIn())
                .map(customer -> ExportView.of(customer, clock.instant(), config.erasure().services()));
    }

    @POST
    @Path("erasure")
    @Operation(summary = "Erase my personal data", description = "202 with the erasure's status: your names, birthday "
            + "and contacts are removed here at once, and every other service is told (CustomerErased). Asking again "
            + "answers 200 with the status. A legal hold blocks it (409).")
    public Uni<RestResponse<ErasureView>> erase() {
        return customers.mine(claims.signIn())
                .chain(customer -> erasures.erase(customer.id, "customer"))
                .map(ErasureResponses::of);
    }

    @GET
    @Path("erasure")
    @Operation(summary = "Where my erasure stands, service by service")
    public Uni<ErasureView> erasure() {
        return customers.mine(claims.signIn()).map(ErasureView::of);
    }
}
