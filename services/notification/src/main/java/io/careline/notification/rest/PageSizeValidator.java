package io.careline.notification.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

import io.careline.notification.config.NotificationConfig;

/** A CDI bean, so it reads the configured bound (Quarkus creates constraint validators through CDI). */
@ApplicationScoped
public class PageSizeValidator implements ConstraintValidator<PageSize, Integer> {

    // looked up when a request is validated: Quarkus builds its validators at static init, before runtime config exists
    private final Provider<NotificationConfig> config;

    public PageSizeValidator(Provider<NotificationConfig> config) {
        this.config = config;
    }

    @Override
    public boolean isValid(Integer size, ConstraintValidatorContext context) {
        int max = config.get().maxPageSize();
        if (size == null || (size >= 1 && size <= max)) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // the template holds only digits, nothing a caller sent, so interpolation cannot be abused
        context.buildConstraintViolationWithTemplate("must be between 1 and " + max).addConstraintViolation();
        return false;
    }
}
