package io.careline.customer.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.customer.service.CustomerProblem;
import io.careline.customer.service.SmsSignature;
import io.careline.customer.service.SubscriptionService;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/webhooks/sms")
@PermitAll // the SMS gateway has no token: the signature is checked instead, before anything is read
@Tag(name = "Inbound SMS", description = "Messages customers send to the service number, from the SMS gateway.")
public class SmsWebhookResource {

    private final SmsSignature signature;
    private final SubscriptionService subscriptions;
    private final ObjectMapper json;

    public SmsWebhookResource(SmsSignature signature, SubscriptionService subscriptions, ObjectMapper json) {
        // a gateway may add fields of its own; only from and text matter here
        this.json = json.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.signature = signature;
        this.subscriptions = subscriptions;
    }

    /** One inbound SMS, as the gateway forwards it. */
    public record InboundSms(String from, String text) {
    }

    /** What was done: cancelled (with the subscriptions ended) or ignored (nothing matched). */
    public record Outcome(String outcome, List<String> cancelled) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An SMS a customer sent", description = "Signed by the gateway: X-Timestamp (epoch seconds) "
            + "and X-Signature, the hex HMAC-SHA256 of timestamp + \".\" + body under the shared secret; an unsigned, "
            + "wrongly signed or older than 5 minutes request is a 401. \"STOP <product>\" from a customer's verified "
            + "phone cancels that subscription at once (channel sms), \"STOP\" alone all of them. Anything else is "
            + "answered 200 ignored, so the gateway does not retry it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "stop", value = """
            {"from": "+79161234567", "text": "STOP weather-alerts"}""")))
    public Uni<Outcome> receive(@RestHeader("X-Timestamp") String timestamp, @RestHeader("X-Signature") String signed,
            String body) {
        signature.verify(timestamp, signed, body);
        InboundSms sms = read(body);
        return subscriptions.cancelBySms(sms.from(), sms.text())
                .map(cancelled -> new Outcome(cancelled.isEmpty() ? "ignored" : "cancelled", cancelled));
    }

    private InboundSms read(String body) {
        try {
            return json.readValue(body, InboundSms.class);
        } catch (JsonProcessingException e) {
            throw CustomerProblem.invalid("body", "is not an inbound SMS ({\"from\": ..., \"text\": ...})");
        }
    }
}
