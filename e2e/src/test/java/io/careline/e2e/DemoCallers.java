package io.careline.e2e;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.careline.testing.KeycloakTokens;

/** The demo realm's callers, signed in the way their clients do, with the roles that count in each client. */
final class DemoCallers {

    /** A signed-in caller: the client their token is from (mobile, admin, partner) and the roles that count there. */
    record Caller(String name, String token, String client, Set<String> roles) {
    }

    private DemoCallers() {
    }

    static Map<String, Caller> signIn(KeycloakTokens tokens) {
        Map<String, Caller> callers = new LinkedHashMap<>();
        for (String customer : List.of("alice", "bob")) {
            callers.put(customer, new Caller(customer, tokens.customer(customer), "mobile", Set.of("customer")));
        }
        callers.put("agnes", new Caller("agnes", tokens.staff("agnes"), "admin", Set.of("agent")));
        callers.put("ted", new Caller("ted", tokens.staff("ted"), "admin", Set.of("agent")));
        callers.put("sam", new Caller("sam", tokens.staff("sam"), "admin", Set.of("agent", "supervisor")));
        callers.put("mia", new Caller("mia", tokens.staff("mia"), "admin", Set.of("manager")));
        callers.put("cora", new Caller("cora", tokens.staff("cora"), "admin", Set.of("coordinator")));
        callers.put("victor", new Caller("victor", tokens.staff("victor"), "admin", Set.of("volunteer")));
        callers.put("ada", new Caller("ada", tokens.staff("ada"), "admin", Set.of("admin")));
        callers.put("acme", new Caller("acme", tokens.partner(), "partner", Set.of("partner")));
        callers.put("globex", new Caller("globex", tokens.otherPartner(), "partner", Set.of("partner")));
        // roles count only through the client they belong to: these two are nobody
        callers.put("agnes via the mobile app", new Caller("agnes via the mobile app",
                tokens.signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, "agnes", "agnes"), "mobile", Set.of()));
        callers.put("alice via the console", new Caller("alice via the console",
                tokens.signIn(KeycloakTokens.ADMIN_CLIENT, KeycloakTokens.ADMIN_REDIRECT, "alice", "alice"), "admin", Set.of()));
        return callers;
    }

    /** Whether the row's client and roles admit the caller. */
    static boolean admits(AuthorizationTable.Row row, Caller caller) {
        return row.client().equals(caller.client()) && caller.roles().stream().anyMatch(row.roles()::contains);
    }
}
