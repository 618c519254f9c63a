package io.careline.customer.rest;

import java.time.Clock;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.customer.config.CustomerConfig;
import io.careline.customer.repository.Customer;
import io.careline.customer.service.CustomerService;
import io.careline.customer.service.ErasureService;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/customers/{id}")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customer data (admin)", description = "Erasure, legal holds and exports.")
public class CustomerPrivacyResource {

    private final CustomerService customers;
    private final ErasureService erasures;
    private final TokenClaims claims;
    private final CustomerConfig config;
    private final Clock clock;

    public CustomerPrivacyResource(CustomerService customers, ErasureService erasures, TokenClaims claims,
            CustomerConfig config, Clock clock) {
        this.customers = customers;
        this.erasures = erasures;
        this.claims = claims;
        this.config = config;
        this.clock = clock;
    }

    /** {@code active} false lifts the hold. */
    public record LegalHoldRequest(@NotNull Boolean active, @Size(max = 500) String reason) {
    }

    @POST
    @Path("erasure")
    @Operation(summary = "Erase a customer's personal data", description = "202 with the status per service; 200 if it "
            + "was erased before; 409 (type legal-hold) while a legal hold is in force.")
    public Uni<RestResponse<ErasureView>> erase(@RestPath String id) {
        return erasures.erase(id, "admin:" + claims.username()).map(ErasureResponses::of);
    }

    @GET
    @Path("erasure")
    @Operation(summary = "Where a customer's erasure stands, service by service")
    public Uni<ErasureView> erasure(@RestPath String id) {
        return existing(id).map(ErasureView::of);
    }

    @PUT
    @Path("legal-hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put a legal hold on a customer, or lift it", description = "While it is in force erasure is "
            + "refused.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "hold", value = """
            {"active": true, "reason": "court order 2026/114"}""")))
    public Uni<ErasureView> legalHold(@RestPath String id, @Valid @NotNull LegalHoldRequest request) {
        return erasures.setLegalHold(id, request.active(), request.reason(), claims.username()).map(ErasureView::of);
    }

    @GET
    @Path("export")
    @Operation(summary = "Everything the customer service holds about a customer, as one JSON document")
    public Uni<ExportView> export(@RestPath String id) {
        return existing(id).map(customer -> ExportView.of(customer, clock.instant(), config.erasure().services()));
    }

    private Uni<Customer> existing(String id) {
        return customers.get(id).onItem().ifNull().failWith(() -> new NotFoundException("there is no customer " + id));
    }
}
