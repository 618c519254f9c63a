package io.careline.complaint.service;

/**
 * A request this service refuses for a reason of its own, named for the client: the field (or header) at fault and
 * the HTTP status (400 bad value, 403 not this person, 404 not found or not yours, 409 not in this state, 412 stale version).
 */
public class ComplaintProblem extends RuntimeException {

    private final int status;
    private final String field;

    private ComplaintProblem(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public static ComplaintProblem invalid(String field, String message) {
        return new ComplaintProblem(400, field, message);
    }

    public static ComplaintProblem refused(String message) {
        return new ComplaintProblem(403, null, message);
    }

    public static ComplaintProblem conflict(String field, String message) {
        return new ComplaintProblem(409, field, message);
    }

    /** Missing, or not the caller's to see: the same answer, so ids cannot be probed. */
    public static ComplaintProblem notFound(Object id) {
        return missing("no complaint " + id);
    }

    public static ComplaintProblem missing(String what) {
        return new ComplaintProblem(404, null, what);
    }

    public static ComplaintProblem stale(long current) {
        return new ComplaintProblem(412, "If-Match", "does not match the complaint's version \"" + current
                + "\"; read it again and retry");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
