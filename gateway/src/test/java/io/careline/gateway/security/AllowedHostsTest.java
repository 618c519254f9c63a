package io.careline.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vertx.core.net.HostAndPort;

class AllowedHostsTest {

    private final AllowedHosts hosts = AllowedHosts.of(List.of("127.0.0.1:8080", " API.careline.io ", "localhost:80"));

    @Test
    void aNameWithAPortAllowsThatPortOnly() {
        assertThat(hosts.allows(HostAndPort.create("127.0.0.1", 8080), false)).isTrue();
        assertThat(hosts.allows(HostAndPort.create("127.0.0.1", 8081), false)).isFalse();
        assertThat(hosts.allows(HostAndPort.create("127.0.0.1", -1), false)).isFalse();
    }

    @Test
    void aNameWithoutAPortAllowsAnyPortAndNamesCompareWithoutCase() {
        assertThat(hosts.allows(HostAndPort.create("api.careline.io", -1), true)).isTrue();
        assertThat(hosts.allows(HostAndPort.create("Api.Careline.IO", 8443), true)).isTrue();
        assertThat(hosts.allows(HostAndPort.create("evil.api.careline.io", -1), true)).isFalse();
    }

    @Test
    void aHostWithoutAPortMeansTheSchemesDefault() {
        assertThat(hosts.allows(HostAndPort.create("localhost", -1), false)).isTrue();
        assertThat(hosts.allows(HostAndPort.create("localhost", -1), true)).isFalse();
    }
}
