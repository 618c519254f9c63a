package io.careline.service.rest;

import jakarta.ws.rs.DefaultValue;

import org.hibernate.validator.constraints.Range;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Which page of a list the caller asks for ({@code ?page=0&size=20}), for {@code @Valid @BeanParam}: every list a
 * Careline service returns is paginated and bounded. Out of range is a 400 naming the parameter, never clamped; so is
 * a value that is no whole number (ProblemMapper).
 */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    /** Deeper than any list is browsed; keeps the offset, page × size, well inside an int. */
    public static final int MAX_PAGE = 10_000;

    @RestQuery
    @DefaultValue("0")
    @Range(min = 0, max = MAX_PAGE)
    public int page;

    @RestQuery
    @DefaultValue("20")
    @Range(min = 1, max = MAX_SIZE)
    public int size;
}
