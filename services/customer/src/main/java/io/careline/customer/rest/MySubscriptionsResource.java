package io.careline.customer.rest;

import java.net.URI;
import java.util.Comparator;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.CancelChannel;
import io.careline.customer.service.CustomerService;
import io.careline.customer.service.SubscriptionRequest;
import io.careline.customer.service.SubscriptionService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/me/subscriptions")
@RolesAllowed(Roles.CUSTOMER)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "My subscriptions", description = "Value-added products. Subscribing takes a second confirmation: the "
        + "six-digit code sent to you. Cancelling takes effect at once, from the app, by SMS (STOP <product>) or "
        + "through care staff.")
public class MySubscriptionsResource {

    private final CustomerService customers;
    private final SubscriptionService subscriptions;
    private final TokenClaims claims;

    public MySubscriptionsResource(CustomerService customers, SubscriptionService subscriptions, TokenClaims claims) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.claims = claims;
    }

    /** The code a customer sends back. */
    public record Confirmation(@NotNull @Pattern(regexp = "^[0-9]{6}$", message = "must be the six digits you were sent") String code) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for a subscription", description = "201, pending: a code is sent (by default by SMS if "
            + "you have a phone, else e-mail) and must be confirmed before expiresAt. An unknown product is a 400; a "
            + "pending or active subscription to the same product a 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "weather alerts", value = """
            {"product": "weather-alerts", "channel": "sms"}""")))
    public Uni<RestResponse<SubscriptionView>> request(@Valid @NotNull SubscriptionRequest request) {
        return customers.mine(claims.signIn())
                .chain(customer -> subscriptions.request(customer.id, request))
                .map(subscription -> RestResponse.ResponseBuilder.<SubscriptionView> created(
                        URI.create("/api/v1/me/subscriptions/" + subscription.id)).entity(SubscriptionView.of(subscription)).build());
    }

    @GET
    @Operation(summary = "My subscriptions, newest first")
    public Uni<PageView<SubscriptionView>> list(@Valid @BeanParam PageRequest page) {
        return customers.mine(claims.signIn()).map(customer -> page(customer, page));
    }

    @POST
    @Path("{id}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Confirm a subscription with the code", description = "A wrong code is a 400 naming code, "
            + "with the attempts left; after the last one the request is void (409). An expired code is a 410. "
            + "Confirming again with the same code answers as before.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "code", value = """
            {"code": "042917"}""")))
    public Uni<SubscriptionView> confirm(@RestPath String id, @Valid @NotNull Confirmation confirmation) {
        return customers.mine(claims.signIn())
                .chain(customer -> subscriptions.confirm(customer.id, id, confirmation.code()))
                .map(SubscriptionView::of);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Cancel a subscription from the app", description = "Effective at once, recorded with channel "
            + "app and announced (SubscriptionCancelled). Cancelling again answers with the cancelled subscription.")
    public Uni<SubscriptionView> cancel(@RestPath String id) {
        return customers.mine(claims.signIn())
                .chain(customer -> subscriptions.cancel(customer.id, id, CancelChannel.app, customer.id))
                .map(SubscriptionView::of);
    }

    static PageView<SubscriptionView> page(Customer customer, PageRequest page) {
        List<SubscriptionView> all = customer.subscriptions.stream()
                .sorted(Comparator.comparing((Customer.Subscription subscription) -> subscription.requestedAt).reversed())
                .map(SubscriptionView::of).toList();
        long from = Math.min((long) page.page * page.size, all.size());
        return new PageView<>(all.subList((int) from, (int) Math.min(from + page.size, all.size())), page.page, page.size,
                all.size());
    }
}
