package io.careline.customer.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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

import io.careline.customer.service.CustomerService;
import io.careline.customer.service.ProfileData;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/partner/v1/customers/{externalId}")
@RolesAllowed(Roles.PARTNER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partner customers", description = "A partner's customers, under the partner's own external ids (client "
        + "credentials; the partner is the token's partner_id). A partner reaches only the customers it created: "
        + "another partner's external id is a 404.")
public class PartnerCustomersResource {

    static final String EXTERNAL_ID = "^[A-Za-z0-9._-]{1,64}$";

    private final CustomerService customers;
    private final TokenClaims claims;

    public PartnerCustomersResource(CustomerService customers, TokenClaims claims) {
        this.customers = customers;
        this.claims = claims;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update the customer with this external id", description = "201 when created, 200 "
            + "when updated (fields sent replace, fields left out are kept). A verified contact another customer holds "
            + "is a 409 naming the field.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "policy holder", value = """
            {"givenName": "Li", "familyName": "Wei", "locale": "zh-CN", "timezone": "Asia/Shanghai",
             "emails": [{"address": "li.wei@example.cn", "verified": true}]}""")))
    public Uni<RestResponse<CustomerView>> upsert(
            @RestPath @Pattern(regexp = EXTERNAL_ID, message = "must be 1-64 letters, digits, '.', '_' or '-'") String externalId,
            @Valid @NotNull ProfileData profile) {
        String partnerId = claims.partnerId();
        return customers.upsertByPartner(partnerId, externalId, profile).map(upserted -> {
            CustomerView view = CustomerView.forPartner(upserted.customer(), partnerId);
            return upserted.created()
                    ? RestResponse.ResponseBuilder.<CustomerView> created(URI.create("/api/partner/v1/customers/" + externalId))
                            .entity(view).build()
                    : RestResponse.ok(view);
        });
    }

    @GET
    @Operation(summary = "The customer with this external id")
    public Uni<CustomerView> get(@RestPath String externalId) {
        String partnerId = claims.partnerId();
        return customers.findForPartner(partnerId, externalId)
                .onItem().ifNull().failWith(() -> new NotFoundException("you have no customer " + externalId))
                .map(customer -> CustomerView.forPartner(customer, partnerId));
    }
}
