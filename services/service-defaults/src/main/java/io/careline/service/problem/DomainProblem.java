package io.careline.service.problem;

/**
 * A request a service refuses for a reason of its own domain (a contact already taken, a transition the lifecycle does
 * not allow, a code expired), answered by the one {@link ProblemMapper} as an RFC 9457 problem: {@code type} is
 * {@code https://careline.io/problems/<slug>}, {@code field}, when set, names the field at fault. Services subclass it
 * with factories that say what went wrong in their terms.
 */
public class DomainProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final String field;

    protected DomainProblem(int status, String slug, String title, String field, String detail) {
        super(detail, null, false, false); // an answer to the caller, not a failure: no stack trace to fill
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The field, parameter or header at fault, or null. */
    public String field() {
        return field;
    }
}
