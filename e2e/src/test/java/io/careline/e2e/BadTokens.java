package io.careline.e2e;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.careline.testing.KeycloakTokens;
import io.restassured.path.json.JsonPath;

/**
 * Tokens that are no access token of ours, each made from a real one of the careline realm, and a real token that
 * expires: what the gateway must refuse (401) before any service sees the request.
 */
final class BadTokens {

    static final String KEYCLOAK = System.getProperty("careline.keycloak.url", KeycloakTokens.DEFAULT_URL);
    /** The gateways' and services' quarkus.oidc.token.lifespan-grace: a token is good this long past its exp. */
    static final long CLOCK_SKEW_SECONDS = 30;

    private BadTokens() {
    }

    /** Every kind, by name; the expired one is added by the walk once its token has expired. */
    static Map<String, String> of(KeycloakTokens tokens) {
        String alice = tokens.customer("alice");
        String[] parts = alice.split("\\.");
        String claims = decode(parts[1]);
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("tampered", parts[0] + "." + encode(claims.replace("\"C-1001\"", "\"C-1002\"")) + "." + parts[2]);
        bad.put("alg none", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        bad.put("another audience", tokens.signIn("account-console", KEYCLOAK + "/realms/careline/account/", "alice", "alice"));
        bad.put("ID token", tokens.idToken(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, "alice", "alice"));
        bad.put("garbage", "not-a-token");
        return bad;
    }

    /**
     * A real access token for careline-api that lives one second: issued to a client made for it in the realm (through
     * Keycloak's admin API; removed again by {@link Expiring#close()}), since the demo clients' tokens live 5 minutes.
     */
    static Expiring expiring() {
        String admin = keycloakAdmin();
        String clientId = "careline-e2e-expiring-" + UUID.randomUUID();
        String secret = UUID.randomUUID().toString();
        Map<String, Object> client = Map.of("clientId", clientId, "enabled", true, "publicClient", false, "secret", secret,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "attributes", Map.of("access.token.lifespan", "1"),
                "protocolMappers", List.of(Map.of("name", "careline-api audience", "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper", "config", Map.of("included.custom.audience", "careline-api",
                                "access.token.claim", "true", "id.token.claim", "false"))));
        String location = given().auth().oauth2(admin).contentType("application/json").body(client)
                .post(KEYCLOAK + "/admin/realms/careline/clients").then().statusCode(201).extract().header("Location");
        String token = JsonPath.from(given().formParams(Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret)).post(KEYCLOAK + "/realms/careline/protocol/openid-connect/token")
                .then().statusCode(200).extract().asString()).getString("access_token");
        long exp = JsonPath.from(decode(token.split("\\.")[1])).getLong("exp");
        return new Expiring(token, Instant.ofEpochSecond(exp), () -> given().auth().oauth2(keycloakAdmin()).delete(location));
    }

    /** Keycloak's administrator (the local servers' admin / admin), whose tokens live a minute. */
    private static String keycloakAdmin() {
        return JsonPath.from(given().formParams(Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", System.getProperty("careline.keycloak.admin", "admin"),
                "password", System.getProperty("careline.keycloak.admin-password", "admin")))
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().asString())
                .getString("access_token");
    }

    record Expiring(String token, Instant expiresAt, Runnable remove) implements AutoCloseable {

        /** When no gateway or service may accept it any more, skew included. */
        Instant deadAt() {
            return expiresAt.plusSeconds(CLOCK_SKEW_SECONDS + 1);
        }

        @Override
        public void close() {
            remove.run();
        }
    }

    static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
