package io.careline.notification.template;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.notification.config.TemplateConfig;
import io.careline.notification.repository.InboxMessage.Kind;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * Puts drafts into words with the Qute templates {@code notifications/<KIND>.v<version>.<locale>.txt}, each holding
 * the fragments {@code title} and {@code body}. The recipient's locale is tried as it is, then by its language alone;
 * without a translation the configured default locale is used and the result says so. Times are shown in the
 * recipient's zone.
 */
@ApplicationScoped
public class MessageTemplates {

    /** One kind's templates as they are in use: their version and the locales they exist in. */
    public record Entry(Kind kind, int version, List<String> locales) {
    }

    private final Engine engine;
    private final TemplateConfig config;

    public MessageTemplates(Engine engine, TemplateConfig config) {
        this.engine = engine;
        this.config = config;
    }

    public Rendered render(Draft draft, String recipientLocale, ZoneId zone) {
        int version = versionOf(draft.kind());
        Optional<String> requested = normalise(recipientLocale);
        String used = requested.flatMap(tag -> candidates(tag).stream()
                        .filter(candidate -> template(draft.kind(), version, candidate) != null).findFirst())
                .orElse(config.defaultLocale());
        Template template = template(draft.kind(), version, used);
        if (template == null) {
            // a kind without its default translation is a packaging bug: the event is retried, never lost
            throw new IllegalStateException("no template " + name(draft.kind(), version, used));
        }
        Locale locale = Locale.forLanguageTag(used);
        Map<String, Object> data = new HashMap<>(draft.params());
        data.replaceAll((key, value) -> value instanceof Instant time ? LocalTimes.format(time, locale, zone) : value);
        boolean fallback = requested.map(tag -> !Locale.forLanguageTag(tag).getLanguage().equals(locale.getLanguage()))
                .orElse(false);
        return new Rendered(render(template, "title", data), render(template, "body", data), used, version, fallback);
    }

    /** Every kind's templates in use, with the locales they exist in. */
    public List<Entry> catalog() {
        List<Entry> entries = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            int version = versionOf(kind);
            entries.add(new Entry(kind, version,
                    config.locales().stream().filter(locale -> template(kind, version, locale) != null).toList()));
        }
        return entries;
    }

    public int versionOf(Kind kind) {
        return config.versions().getOrDefault(kind.name(), 1);
    }

    /**
     * A BCP 47 tag in its canonical spelling (zh-cn reads zh-CN), or empty when there is none (null, blank): the
     * default applies then, and that is not a fallback. A malformed tag is an {@link IllformedLocaleException}.
     */
    public static Optional<String> normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build().toLanguageTag());
    }

    /** The tag itself, its language alone, then any locale written in that language (zh finds zh-CN). */
    private List<String> candidates(String tag) {
        String language = Locale.forLanguageTag(tag).getLanguage();
        List<String> candidates = new ArrayList<>(List.of(tag, language));
        config.locales().stream().filter(locale -> Locale.forLanguageTag(locale).getLanguage().equals(language))
                .forEach(candidates::add);
        return candidates;
    }

    private Template template(Kind kind, int version, String locale) {
        return engine.getTemplate(name(kind, version, locale));
    }

    private static String name(Kind kind, int version, String locale) {
        return "notifications/" + kind.name() + ".v" + version + "." + locale + ".txt";
    }

    private static String render(Template template, String fragment, Map<String, Object> data) {
        return template.getFragment(fragment).data(data).render().strip();
    }
}
