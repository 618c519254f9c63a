package io.careline.claimcare.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

import io.careline.service.problem.UnprocessableRequestException;

/** A report's period, {@code ?from=2026-11-01&to=2026-11-30}: whole UTC days, both included, at most a year. */
public class ReportPeriod {

    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final String DATE_MESSAGE = "must be a date, yyyy-mm-dd";
    private static final int MAX_DAYS = 366;

    @RestQuery
    @NotNull
    @Pattern(regexp = DATE, message = DATE_MESSAGE)
    @Parameter(description = "first day (UTC), included", example = "2026-11-01")
    public String from;

    @RestQuery
    @NotNull
    @Pattern(regexp = DATE, message = DATE_MESSAGE)
    @Parameter(description = "last day (UTC), included", example = "2026-11-30")
    public String to;

    public LocalDate fromDate() {
        return parse("from", from);
    }

    public LocalDate toDate() {
        LocalDate end = parse("to", to);
        if (end.isBefore(fromDate())) {
            throw new UnprocessableRequestException("to", "must not be before from");
        }
        if (end.isAfter(fromDate().plusDays(MAX_DAYS))) {
            throw new UnprocessableRequestException("to", "must be at most " + MAX_DAYS + " days after from");
        }
        return end;
    }

    private static LocalDate parse(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnprocessableRequestException(field, DATE_MESSAGE);
        }
    }
}
