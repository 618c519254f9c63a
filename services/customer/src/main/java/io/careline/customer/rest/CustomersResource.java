package io.careline.customer.rest;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.CancelChannel;
import io.careline.customer.service.ConsentChange;
import io.careline.customer.service.ConsentService;
import io.careline.customer.service.CustomerService;
import io.careline.customer.service.ProfileData;
import io.careline.customer.service.SubscriptionService;
import io.careline.service.rest.PageRequest;
import io.careline.service.rest.PageView;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers", description = "Care staff (agents, supervisors) create, search and read customers, record "
        + "consents and cancel subscriptions on a customer's behalf; admins read them too.")
public class CustomersResource {

    private final CustomerService customers;
    private final SubscriptionService subscriptions;
    private final ConsentService consents;
    private final TokenClaims claims;

    public CustomersResource(CustomerService customers, SubscriptionService subscriptions, ConsentService consents,
            TokenClaims claims) {
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.consents = consents;
        this.claims = claims;
    }

    @POST
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a customer", description = "201 with the new customer (id C-100001 and up). Contacts "
            + "marked verified are unique: one another customer holds is a 409 naming the field and that customer, "
            + "so the agent uses the existing record instead of making a duplicate.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "a customer met at the branch", value = """
            {"givenName": "Ivan", "familyName": "Petrov", "birthday": "1961-03-08", "locale": "ru-RU",
             "timezone": "Europe/Moscow", "region": "north", "phones": [{"number": "+7 916 555-01-02", "verified": true}],
             "preferredChannel": "sms"}""")))
    public Uni<RestResponse<CustomerView>> create(@Valid @NotNull ProfileData profile) {
        return customers.createByAgent(profile, claims.username())
                .map(customer -> RestResponse.ResponseBuilder.<CustomerView> created(URI.create("/api/v1/customers/" + customer.id))
                        .entity(CustomerView.forStaff(customer)).build());
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "Search customers", description = "q: part of a name (any case), or an exact e-mail, phone "
            + "(any format), partner external id or customer id; without q, everyone. Ordered by id, paginated.")
    public Uni<PageView<CustomerView>> search(@RestQuery @Size(max = 100) String q, @Valid @BeanParam PageRequest page) {
        return customers.search(q, page.page, page.size).map(found -> new PageView<>(
                found.items().stream().map(CustomerView::forStaff).toList(), found.page(), found.size(), found.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "One customer")
    public Uni<CustomerView> get(@RestPath String id) {
        return existing(id).map(CustomerView::forStaff);
    }

    @GET
    @Path("{id}/consents")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "A customer's consents in force and their history")
    public Uni<ConsentsView> consents(@RestPath String id) {
        return existing(id).map(ConsentsView::of);
    }

    @PUT
    @Path("{id}/consents")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record consents a customer gave or withdrew through care staff", description = "Recorded with "
            + "source agent and, as proof, the agent's name and the wording read to the customer.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "greetings by SMS, given on the phone", value = """
            {"consents": [{"purpose": "greetings", "channel": "sms", "granted": true, "wording": "greetings-phone-v1"}]}""")))
    public Uni<ConsentsView> recordConsents(@RestPath String id, @Valid @NotNull ConsentChange change) {
        String agent = claims.username();
        return consents.set(id, change, "agent", "recorded by agent " + agent).map(ConsentsView::of);
    }

    @GET
    @Path("{id}/subscriptions")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN })
    @Operation(summary = "A customer's subscriptions, newest first")
    public Uni<PageView<SubscriptionView>> subscriptions(@RestPath String id, @Valid @BeanParam PageRequest page) {
        return existing(id).map(customer -> MySubscriptionsResource.page(customer, page));
    }

    @POST
    @Path("{id}/subscriptions/{sid}/cancel")
    @RolesAllowed({ Roles.AGENT, Roles.SUPERVISOR })
    @Operation(summary = "Cancel a subscription on the customer's behalf", description = "Effective at once, recorded "
            + "with channel agent and the agent's name, and announced (SubscriptionCancelled).")
    public Uni<SubscriptionView> cancel(@RestPath String id, @RestPath String sid) {
        return subscriptions.cancel(id, sid, CancelChannel.agent, claims.username()).map(SubscriptionView::of);
    }

    private Uni<Customer> existing(String id) {
        return customers.get(id).onItem().ifNull().failWith(() -> new NotFoundException("there is no customer " + id));
    }
}
