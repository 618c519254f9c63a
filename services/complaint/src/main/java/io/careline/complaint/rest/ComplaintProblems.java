package io.careline.complaint.rest;

import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.careline.complaint.service.ComplaintProblem;
import io.careline.service.problem.Problem;
import io.careline.service.problem.Problem.FieldError;

/** This service's own refusals as RFC 9457 problems, beside service-defaults' ProblemMapper. */
public class ComplaintProblems {

    private static final String INVALID_REQUEST = "https://careline.io/problems/invalid-request";
    private static final String CONFLICT = "https://careline.io/problems/conflict";
    private static final String STALE = "https://careline.io/problems/stale-version";

    @ServerExceptionMapper
    public RestResponse<Problem> refused(ComplaintProblem e, UriInfo uri) {
        List<FieldError> errors = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
        String detail = e.field() == null ? e.getMessage() : e.field() + " " + e.getMessage();
        return switch (e.status()) {
            case 400 -> respond(new Problem(INVALID_REQUEST, "Invalid request", 400, detail, uri.getPath(), errors));
            case 403 -> respond(new Problem("about:blank", "Forbidden", 403, detail, uri.getPath(), errors));
            case 404 -> respond(new Problem("about:blank", "Not Found", 404, detail, uri.getPath(), errors));
            case 412 -> respond(new Problem(STALE, "Precondition Failed", 412, detail, uri.getPath(), errors));
            default -> respond(new Problem(CONFLICT, "Conflict", e.status(), detail, uri.getPath(), errors));
        };
    }

    /** Two writers raced on the same version: the later one is told to read again. */
    @ServerExceptionMapper({ StaleStateException.class, OptimisticLockException.class })
    public RestResponse<Problem> stale(RuntimeException e, UriInfo uri) {
        return respond(new Problem(STALE, "Conflict", 409, "version changed while this request was applied; read it again and retry",
                uri.getPath(), List.of(new FieldError("version", "changed concurrently"))));
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
