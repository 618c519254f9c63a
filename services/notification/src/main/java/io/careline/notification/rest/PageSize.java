package io.careline.notification.rest;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** A page size from 1 to {@code careline.notification.max-page-size}: one bound, in configuration, not in code. */
@Documented
@Constraint(validatedBy = PageSizeValidator.class)
@Target(PARAMETER)
@Retention(RUNTIME)
public @interface PageSize {

    String message() default "must be between 1 and the maximum page size";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
