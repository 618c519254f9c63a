package io.careline.notification.rest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.careline.notification.config.TemplateConfig;
import io.careline.notification.repository.InboxMessage.Kind;
import io.careline.notification.template.MessageTemplates;
import io.careline.notification.template.Rendered;
import io.careline.notification.template.Samples;
import io.careline.service.security.Roles;
import io.smallrye.mutiny.Uni;

@Path("/api/v1/notifications/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "The message templates per kind and locale (admin console)")
public class TemplatesResource {

    /** The templates in use: per kind, its version and the locales it is written in. */
    public record TemplateList(String defaultLocale, List<MessageTemplates.Entry> items) {
    }

    /** A preview: what a customer with this locale and zone would read, and which template it came from. */
    public record Preview(String type, int version, String requestedLocale, String locale, boolean fallback,
            String timezone, String title, String body) {
    }

    private final MessageTemplates templates;
    private final TemplateConfig config;

    public TemplatesResource(MessageTemplates templates, TemplateConfig config) {
        this.templates = templates;
        this.config = config;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "The message templates in use, with the locales each is written in")
    public Uni<TemplateList> list() {
        return Uni.createFrom().item(() -> new TemplateList(config.defaultLocale(), templates.catalog()));
    }

    @POST
    @Path("{type}/preview")
    @RolesAllowed({ Roles.ADMIN, Roles.AGENT })
    @Operation(summary = "A message of this type rendered with sample data for a locale and a timezone",
            description = "A locale without a translation falls back to the default locale, and says so.")
    public Uni<Preview> preview(@RestPath String type, @RestQuery String locale, @RestQuery String timezone) {
        return Uni.createFrom().item(() -> {
            Kind kind = kind(type);
            String requested = locale(locale);
            ZoneId zone = zone(timezone);
            Rendered rendered = templates.render(Samples.of(kind), requested, zone);
            return new Preview(kind.name(), rendered.version(), requested, rendered.locale(), rendered.fallback(),
                    zone.getId(), rendered.title(), rendered.body());
        });
    }

    private static Kind kind(String type) {
        try {
            return Kind.valueOf(type);
        } catch (IllegalArgumentException unknown) {
            throw NotificationProblem.unknownType(type);
        }
    }

    private static String locale(String locale) {
        try {
            return MessageTemplates.normalise(locale).orElse(null);
        } catch (IllformedLocaleException e) {
            throw NotificationProblem.invalid("locale", "must be a BCP 47 language tag such as en, zh-CN or ru");
        }
    }

    private static ZoneId zone(String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw NotificationProblem.invalid("timezone", "must be an IANA zone id such as Europe/Moscow");
        }
    }
}
