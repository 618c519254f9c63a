package io.careline.service.security;

import java.util.Set;

/** The realm roles of the careline Keycloak realm (infra/keycloak/careline-realm.json). */
public final class Roles {
    public static final String CUSTOMER = "customer";
    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";
    /** Told when an SLA runs to twice its target. */
    public static final String MANAGER = "manager";
    public static final String COORDINATOR = "coordinator";
    public static final String VOLUNTEER = "volunteer";
    public static final String PARTNER = "partner";
    public static final String ADMIN = "admin";

    /** The roles of people who work in the admin console. */
    public static final Set<String> STAFF = Set.of(AGENT, SUPERVISOR, MANAGER, COORDINATOR, VOLUNTEER, ADMIN);

    private Roles() {
    }
}
