package io.careline.service.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * A token's roles count only through the client it was issued to (its {@code azp}): the mobile app carries the
 * customer role, the admin console the staff roles, a partner client the partner role. So an agent who signs in
 * through the mobile app is not staff there, and a customer who signs in to the console is nobody. The realm binds
 * roles to clients too (scope mappings); this is the same rule, checked again where the data is.
 */
@ApplicationScoped
public class ClientBoundRoles implements SecurityIdentityAugmentor {

    private final SecurityConfig config;

    public ClientBoundRoles(SecurityConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> allowed = rolesOf(token.getClaim("azp"));
        Set<String> kept = identity.getRoles().stream().filter(allowed::contains).collect(Collectors.toSet());
        if (kept.size() == identity.getRoles().size()) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(kept);
        builder.addPermissionChecker(identity::checkPermission);
        return Uni.createFrom().item(builder.build());
    }

    /** The roles a token from this client may carry: none for a client Careline does not know. */
    Set<String> rolesOf(String clientId) {
        if (clientId == null) {
            return Set.of();
        }
        if (clientId.equals(config.mobileClient())) {
            return Set.of(Roles.CUSTOMER);
        }
        if (clientId.equals(config.consoleClient())) {
            return Roles.STAFF;
        }
        if (clientId.startsWith(config.partnerClientPrefix())) {
            return Set.of(Roles.PARTNER);
        }
        return Set.of();
    }
}
