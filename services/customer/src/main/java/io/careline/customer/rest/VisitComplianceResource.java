package io.careline.customer.rest;

import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;

import io.careline.customer.rest.VisitViews.ComplianceView;
import io.careline.customer.service.CustomerProblem;
import io.careline.customer.service.VisitService;
import io.careline.service.rest.PageRequest;
import io.careline.service.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/customers/visit-compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-up visits")
public class VisitComplianceResource {

    private final VisitService visits;
    private final TokenClaims claims;
    private final SecurityIdentity identity;

    public VisitComplianceResource(VisitService visits, TokenClaims claims, SecurityIdentity identity) {
        this.visits = visits;
        this.claims = claims;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.MANAGER })
    @Operation(summary = "Visit compliance of an officer in a month", description = "The officer's customers in the "
            + "visit period containing month (yyyy-MM): visited, due (the period is still running), missed, or not-due "
            + "(assigned after the period began). An agent sees their own (officer defaults to them; another is a 403); "
            + "supervisors and managers name the officer.")
    public Uni<ComplianceView> compliance(
            @RestQuery @NotNull @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$", message = "must be a month, yyyy-MM") String month,
            @RestQuery @Pattern(regexp = "^[a-z0-9._-]{1,64}$", message = "must be an agent's user name") String officer,
            @Valid @BeanParam PageRequest page) {
        boolean lead = identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.MANAGER);
        String me = claims.username();
        if (officer == null && lead) {
            return Uni.createFrom().failure(CustomerProblem.invalid("officer", "is required: whose compliance?"));
        }
        String whose = officer == null ? me : officer;
        if (!lead && !whose.equals(me)) {
            return Uni.createFrom().failure(CustomerProblem.forbidden("not-your-compliance", "an agent sees their own visit compliance"));
        }
        return visits.compliance(whose, YearMonth.parse(month)).map(compliance -> ComplianceView.of(compliance, page.page, page.size));
    }
}
