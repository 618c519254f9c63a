package io.careline.notification.config;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The message templates (classpath {@code templates/notifications/<KIND>.v<version>.<locale>.txt}). */
@ConfigMapping(prefix = "careline.notification.templates")
public interface TemplateConfig {

    /** The locale used when a template has no translation for the recipient's language. */
    @WithDefault("en")
    String defaultLocale();

    /** The locales the templates are written in, for the list of templates. */
    @WithDefault("en,zh-CN,ru")
    List<String> locales();

    /**
     * The version of a kind's templates in use, by kind (e.g. {@code versions.COMPLAINT_ACKNOWLEDGEMENT=2}); 1 when
     * not set. Earlier versions stay on the classpath, so a delivery's recorded version can still be read.
     */
    Map<String, Integer> versions();
}
