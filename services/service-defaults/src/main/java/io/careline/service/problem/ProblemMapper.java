package io.careline.service.problem;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.careline.service.http.OverloadConfig;
import io.careline.service.http.RetryAfter;
import io.careline.service.problem.Problem.FieldError;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place a Careline service turns failures into RFC 9457 problem details. Client errors name the field that is
 * wrong; server errors carry a reference to the log line and never a stack trace or a class name. A store that cannot
 * be reached is a 503 with Retry-After, so callers retry instead of giving up.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String INVALID_REQUEST = "https://careline.io/problems/invalid-request";
    private static final String UNPROCESSABLE_REQUEST = "https://careline.io/problems/unprocessable-request";

    private final OverloadConfig overload;

    public ProblemMapper(OverloadConfig overload) {
        this.overload = overload;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalid(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return invalidRequest(uri, errors);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(MismatchedInputException e, UriInfo uri) {
        String field = pathOf(e);
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "is not a field of this request";
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.stream(invalid.getTargetType().getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            message = "must not contain control characters"; // StrictJson
        } else {
            message = "has the wrong type";
        }
        return invalidRequest(uri, List.of(new FieldError(field.isEmpty() ? "body" : field, message)));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(JsonMappingException e, UriInfo uri) {
        String field = pathOf(e);
        return invalidRequest(uri, List.of(new FieldError(field.isEmpty() ? "body" : field, "cannot be read")));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> malformed(JsonParseException e, UriInfo uri) {
        return invalidRequest(uri, List.of(new FieldError("body", "is not well-formed JSON")));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public RestResponse<Problem> unauthenticated(RuntimeException e, UriInfo uri) {
        return RestResponse.ResponseBuilder.fromResponse(respond(
                problem(401, "Unauthorized", "a valid bearer token is required", uri, List.of())))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(problem(403, "Forbidden", "this token may not do this", uri, List.of()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, UriInfo uri) {
        // a body that ends mid-JSON reaches us wrapped in a 400 WebApplicationException, not as the parser's error
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadable(mapping, uri);
        }
        if (e.getCause() instanceof JsonParseException parse) {
            return malformed(parse, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() == 404 && e.getCause() instanceof IllegalArgumentException unconvertible) {
            Optional<String> parameter = queryParameterOf(unconvertible, uri);
            if (parameter.isPresent()) {
                return invalidRequest(uri, List.of(new FieldError(parameter.get(), "must be a number within range")));
            }
        }
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        return respond(problem(status.getStatusCode(), status.getReasonPhrase(), e.getMessage(), uri, List.of()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unprocessable(UnprocessableRequestException e, UriInfo uri) {
        List<FieldError> errors = List.of(new FieldError(e.field(), e.getMessage()));
        return respond(new Problem(UNPROCESSABLE_REQUEST, "Unprocessable request", 422, e.field() + " " + e.getMessage(),
                uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> refused(DomainProblem e, UriInfo uri) {
        List<FieldError> errors = e.field() == null ? List.of() : List.of(new FieldError(e.field(), e.getMessage()));
        String detail = e.field() == null ? e.getMessage() : e.field() + " " + e.getMessage();
        return respond(new Problem("https://careline.io/problems/" + e.slug(), e.title(), e.status(), detail,
                uri.getPath(), errors));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        if (StoreFailures.stale(e)) {
            return respond(new Problem("https://careline.io/problems/stale-version", "Conflict", 409,
                    "version changed while this request was applied; read it again and retry", uri.getPath(),
                    List.of(new FieldError("version", "changed concurrently"))));
        }
        if (StoreFailures.unavailable(e)) {
            LOG.warnf("store unavailable on %s: %s", uri.getPath(), e.toString());
            return RestResponse.ResponseBuilder.fromResponse(respond(problem(503, "Service Unavailable",
                    "the service cannot reach its store right now; try again shortly", uri, List.of())))
                    .header(RetryAfter.HEADER, RetryAfter.seconds(overload))
                    .build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", reference, uri.getPath());
        return respond(problem(500, "Internal Server Error", "unexpected error; reference " + reference, uri, List.of()));
    }

    private static RestResponse<Problem> invalidRequest(UriInfo uri, List<FieldError> errors) {
        String detail = errors.stream().map(error -> error.field() + " " + error.message()).collect(Collectors.joining("; "));
        return respond(new Problem(INVALID_REQUEST, "Invalid request", 400, detail, uri.getPath(), errors));
    }

    private static Problem problem(int status, String title, String detail, UriInfo uri, List<FieldError> errors) {
        return new Problem("about:blank", title, status, detail, uri.getPath(), errors);
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }

    /** The violated field as a client knows it: the last property of the path (subject, not file.request.subject). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName();
        }
        return field == null ? "body" : field;
    }

    /**
     * The query parameter whose value could not be converted (JAX-RS makes that a 404, as for a path that does not
     * exist). The converter's error names the value, not the parameter: {@code For input string: "abc"}, so the
     * parameter is the one sent with that value. A path parameter that cannot be converted stays a 404.
     */
    private static Optional<String> queryParameterOf(IllegalArgumentException e, UriInfo uri) {
        String message = e.getMessage();
        if (message == null) {
            return Optional.empty();
        }
        return uri.getQueryParameters().entrySet().stream()
                .filter(parameter -> parameter.getValue().stream().anyMatch(value -> message.contains("\"" + value + "\"")))
                .map(Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
