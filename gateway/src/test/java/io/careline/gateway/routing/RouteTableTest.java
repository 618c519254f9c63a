package io.careline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    private final RouteTable table = RouteTable.of(Map.of(
            "complaint", List.of("/api/v1/me/complaints", "/api/v1/complaints"),
            "customer", List.of("/api/v1/me/profile", "/api/v1/customers"),
            "special", List.of("/api/v1/customers/vip")));

    @ParameterizedTest
    @CsvSource({
            "/api/v1/me/complaints,          complaint",
            "/api/v1/me/complaints/,         complaint",
            "/api/v1/me/complaints/123,      complaint",
            "/api/v1/complaints/1/replies,   complaint",
            "/api/v1/customers,              customer",
            "/api/v1/customers/vipx,         customer",
            "/api/v1/customers/vip,          special",
            "/api/v1/customers/vip/7,        special" })
    void theLongestWholeSegmentPrefixWins(String path, String upstream) {
        assertThat(table.match(path)).map(RouteTable.Route::upstream).contains(upstream);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/me/complaintsXYZ", "/api/v1/me", "/api/v1/me/profile2", "/api", "/", "/q/health",
            "/API/v1/customers" })
    void otherPathsHaveNoRoute(String path) {
        assertThat(table.match(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/q/metrics", "/api/", "/api/v1/x/", "api/v1/x", "/api/v1/*", "/api/v1//x", "/api/v1/../q" })
    void refusesPathsThatAreNotPlainPrefixesUnderApi(String path) {
        assertThatThrownBy(() -> RouteTable.of(Map.of("x", List.of(path))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(path);
    }

    @Test
    void refusesAPrefixClaimedTwice() {
        Map<String, List<String>> config = new LinkedHashMap<>();
        config.put("a", List.of("/api/v1/x"));
        config.put("b", List.of("/api/v1/x"));
        assertThatThrownBy(() -> RouteTable.of(config)).hasMessageContaining("claimed by both 'a' and 'b'");
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8082,    127.0.0.1, 8082, false",
            "http://complaint,         complaint, 80,   false",
            "https://complaint.svc/,   complaint.svc, 443, true" })
    void readsAnUpstreamAddress(String url, String host, int port, boolean ssl) {
        assertThat(Origin.of("x", java.net.URI.create(url))).isEqualTo(new Origin("x", host, port, ssl));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://x:21", "http://x:80/base", "http://x?y=1", "127.0.0.1:8082" })
    void refusesUpstreamAddressesItCannotHonour(String url) {
        assertThatThrownBy(() -> Origin.of("x", java.net.URI.create(url))).isInstanceOf(IllegalArgumentException.class);
    }
}
