package io.careline.service.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientBoundRolesTest {

    private final ClientBoundRoles roles = new ClientBoundRoles(new SecurityConfig() {
        @Override
        public String mobileClient() {
            return "careline-mobile";
        }

        @Override
        public String consoleClient() {
            return "careline-admin";
        }

        @Override
        public String partnerClientPrefix() {
            return "careline-partner-";
        }
    });

    @Test
    void eachClientCarriesOnlyItsOwnRoles() {
        assertThat(roles.rolesOf("careline-mobile")).containsExactly(Roles.CUSTOMER);
        assertThat(roles.rolesOf("careline-admin")).contains(Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN)
                .doesNotContain(Roles.CUSTOMER, Roles.PARTNER);
        assertThat(roles.rolesOf("careline-partner-acme")).containsExactly(Roles.PARTNER);
    }

    @Test
    void anUnknownClientCarriesNone() {
        assertThat(roles.rolesOf("account-console")).isEmpty();
        assertThat(roles.rolesOf("careline-partner")).isEmpty();
        assertThat(roles.rolesOf(null)).isEmpty();
    }
}
