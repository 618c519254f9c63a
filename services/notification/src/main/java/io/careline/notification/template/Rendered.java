package io.careline.notification.template;

/**
 * A message put into words: {@code locale} is the template's locale, {@code fallback} true when it is not the
 * recipient's language (no translation, so the configured default was used).
 */
public record Rendered(String title, String body, String locale, int version, boolean fallback) {
}
