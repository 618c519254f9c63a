package io.careline.complaint.service;

import io.careline.service.problem.DomainProblem;

/**
 * A request this service refuses for a reason of its own, named for the client: the field (or header) at fault and
 * the HTTP status (400 bad value, 403 not this person, 404 not found or not yours, 409 not in this state, 412 stale
 * version). Answered by the one ProblemMapper (see {@link DomainProblem}).
 */
public class ComplaintProblem extends DomainProblem {

    private ComplaintProblem(int status, String slug, String title, String field, String message) {
        super(status, slug, title, field, message);
    }

    public static ComplaintProblem invalid(String field, String message) {
        return new ComplaintProblem(400, "invalid-request", "Invalid request", field, message);
    }

    public static ComplaintProblem refused(String message) {
        return new ComplaintProblem(403, "forbidden", "Forbidden", null, message);
    }

    public static ComplaintProblem conflict(String field, String message) {
        return new ComplaintProblem(409, "conflict", "Conflict", field, message);
    }

    /** Missing, or not the caller's to see: the same answer, so ids cannot be probed. */
    public static ComplaintProblem notFound(Object id) {
        return missing("no complaint " + id);
    }

    public static ComplaintProblem missing(String what) {
        return new ComplaintProblem(404, "not-found", "Not Found", null, what);
    }

    public static ComplaintProblem stale(long current) {
        return new ComplaintProblem(412, "stale-version", "Precondition Failed", "If-Match",
                "does not match the complaint's version \"" + current + "\"; read it again and retry");
    }
}
