package io.careline.complaint.rest;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.careline.complaint.config.ComplaintConfig;
import io.careline.complaint.repository.Complaint.Category;
import io.careline.complaint.service.Attachment;
import io.careline.complaint.service.ComplaintProblem;
import io.careline.complaint.service.FiledComplaint;
import io.careline.complaint.service.Money;
import org.jboss.resteasy.reactive.RestResponse;

/** What every intake checks alike, and how it answers: the configured channels, the overcharge's category, 201. */
@ApplicationScoped
public class Intake {

    /** Channels decided by the door a complaint comes through, never by an agent. */
    static final Set<String> SELF_SERVICE = Set.of("APP", "WEB", "PARTNER");
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Up to 100 visible characters, as a header. */
    static final String KEY_PATTERN = "[\\x21-\\x7e]{1,100}";
    static final String KEY_MESSAGE = "must be 1 to 100 visible ASCII characters";

    private final ComplaintConfig config;
    private final ObjectMapper json;

    public Intake(ComplaintConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** A configured channel an agent may enter complaints for, upper case; otherwise a 400 naming {@code channel}. */
    String agentChannel(String requested) {
        List<String> allowed = config.channels().stream().map(c -> c.strip().toUpperCase(Locale.ROOT))
                .filter(c -> !SELF_SERVICE.contains(c)).toList();
        String channel = requested.strip().toUpperCase(Locale.ROOT);
        if (!allowed.contains(channel)) {
            throw ComplaintProblem.invalid("channel", "must be one of " + String.join(", ", allowed).toLowerCase(Locale.ROOT));
        }
        return channel;
    }

    /** A self-service channel, if configured: a deployment that turned the web off refuses web complaints. */
    String selfServiceChannel(String channel) {
        boolean configured = config.channels().stream().anyMatch(c -> c.strip().equalsIgnoreCase(channel));
        if (!configured) {
            throw ComplaintProblem.invalid("channel", channel.toLowerCase(Locale.ROOT) + " is not a channel of this service");
        }
        return channel;
    }

    static void checkOvercharge(Category category, Money claimedOvercharge) {
        if (claimedOvercharge != null && category != Category.BILLING) {
            throw ComplaintProblem.invalid("claimedOvercharge", "only a BILLING complaint claims an overcharge");
        }
    }

    static List<Attachment> attachments(List<Attachment> attachments) {
        return attachments == null ? List.of() : attachments;
    }

    <T> RestResponse<T> created(String base, FiledComplaint filed, T view) {
        return RestResponse.ResponseBuilder.<T> created(URI.create(base + "/" + filed.complaint().id))
                .entity(view)
                .header(REPLAYED_HEADER, String.valueOf(filed.replayed()))
                .build();
    }

    ObjectMapper json() {
        return json;
    }
}
