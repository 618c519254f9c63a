package io.careline.service.security;

/** The realm roles of the careline Keycloak realm (infra/keycloak/careline-realm.json). */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    public static final String COORDINATOR = "coordinator";
    public static final String VOLUNTEER = "volunteer";
    public static final String PARTNER = "partner";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
