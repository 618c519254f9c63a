package io.careline.customer.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;

import io.careline.customer.rest.SurveyViews.SurveyView;
import io.careline.customer.service.CustomerService;
import io.careline.customer.service.SatisfactionService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/surveys")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My surveys", description = "How satisfied you were after a visit or a complaint: one answer, 1 to 5.")
public class MySurveysResource {

    private final CustomerService customers;
    private final SatisfactionService satisfaction;
    private final TokenClaims claims;

    public MySurveysResource(CustomerService customers, SatisfactionService satisfaction, TokenClaims claims) {
        this.customers = customers;
        this.satisfaction = satisfaction;
        this.claims = claims;
    }

    public record SurveyAnswer(
            @NotNull @Min(value = 1, message = "must be from 1 to 5") @Max(value = 5, message = "must be from 1 to 5") Integer score,
            @Size(max = 1000) String comment) {
    }

    @GET
    @Operation(summary = "My surveys, open ones first, then newest first")
    public Uni<PageView<SurveyView>> list(@Valid @BeanParam PageRequest page) {
        return customers.mine(claims.signIn()).map(customer -> VisitsResource.page(SurveyViews.surveys(customer), page));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a survey", description = "score 1 (very unhappy) to 5 (very happy), an optional comment. "
            + "A survey is answered once: again is a 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "happy", value = """
            {"score": 5, "comment": "Quick and kind"}""")))
    public Uni<SurveyView> answer(@RestPath String id, @Valid @NotNull SurveyAnswer answer) {
        return customers.mine(claims.signIn())
                .chain(customer -> satisfaction.answer(customer.id, id, answer.score(), answer.comment()))
                .map(SurveyView::of);
    }
}
