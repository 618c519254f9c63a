package io.careline.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the realm as code (infra/keycloak) promises, tried against the running Keycloak: roles bound to clients, no
 * password grant anywhere, a lockout that locks, refresh tokens that work once, no offline tokens for the app, a
 * password policy, and OTP for staff (the demo users are exempt in the local stack only).
 *
 * <p>Users it needs beyond the demo ones are created through the admin API (the local stack's bootstrap admin,
 * {@code careline.keycloak.admin} / {@code careline.keycloak.admin-password}, default admin / admin) and deleted after.
 */
class RealmTest {

    private static final String URL = System.getProperty("careline.keycloak.url",
            System.getenv().getOrDefault("CARELINE_KEYCLOAK_URL", KeycloakTokens.DEFAULT_URL));
    private static final String REALM_URL = URL + "/realms/" + KeycloakTokens.REALM;
    private static final String ADMIN_URL = URL + "/admin/realms/" + KeycloakTokens.REALM;
    /** The roles the console's client carries, each of which makes its holder sign in with OTP. */
    private static final List<String> STAFF_ROLES = List.of("agent", "supervisor", "manager", "coordinator", "volunteer", "admin");
    private static final Pattern LOGIN_FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeycloakTokens TOKENS = new KeycloakTokens(URL);
    private static final List<String> CREATED = new ArrayList<>();

    @AfterAll
    static void deleteCreatedUsers() {
        CREATED.forEach(id -> admin("DELETE", "/users/" + id, null));
    }

    @Test
    void staffSigningInThroughTheMobileAppGetNoStaffRole() {
        assertThat(realmRoles(TOKENS.signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, "alice", "alice")))
                .containsExactly("customer");
        for (String staff : List.of("agnes", "sam", "mia", "cora", "victor", "ada")) { // every staff role among them
            assertThat(realmRoles(TOKENS.signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, staff, staff)))
                    .as(staff + " through the mobile app").isEmpty();
        }
    }

    @Test
    void customersSigningInThroughTheConsoleGetNoCustomerRole() {
        assertThat(realmRoles(TOKENS.signIn(KeycloakTokens.ADMIN_CLIENT, KeycloakTokens.ADMIN_REDIRECT, "agnes", "agnes")))
                .containsExactlyInAnyOrder("agent", "staff");
        assertThat(realmRoles(TOKENS.signIn(KeycloakTokens.ADMIN_CLIENT, KeycloakTokens.ADMIN_REDIRECT, "alice", "alice")))
                .isEmpty();
    }

    @Test
    void aRedirectOffTheClientsListIsRefused() {
        Map<String, String> offTheList = Map.of(
                KeycloakTokens.MOBILE_CLIENT, "http://127.0.0.1/callback",
                KeycloakTokens.ADMIN_CLIENT, "https://evil.example/admin/callback");
        offTheList.forEach((client, redirect) -> {
            HttpResponse<String> authorize = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(
                    REALM_URL + "/protocol/openid-connect/auth?" + form(Map.of("client_id", client, "response_type", "code",
                            "scope", "openid", "redirect_uri", redirect, "code_challenge", s256(randomUrlSafe(48)),
                            "code_challenge_method", "S256")))).GET().build());
            assertThat(authorize.statusCode()).as(client + " to " + redirect).isEqualTo(400);
        });
    }

    @Test
    void noClientTakesThePasswordGrantNotEvenAdminCli() {
        JsonNode clients = admin("GET", "/clients", null);
        assertThat(clients).extracting(client -> client.get("clientId").asText()).contains("admin-cli", "careline-mobile");
        for (JsonNode client : clients) {
            assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as(client.get("clientId").asText()).isFalse();
        }
        for (String client : List.of("admin-cli", KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.ADMIN_CLIENT)) {
            HttpResponse<String> grant = post(REALM_URL + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                    "client_id", client, "username", "alice", "password", "alice", "scope", "openid"));
            assertThat(grant.statusCode()).as(client).isIn(400, 401);
            assertThat(grant.body()).as(client).contains("unauthorized_client");
        }
    }

    @Test
    void theSixthAttemptIsRefusedEvenWithTheRightPassword() throws InterruptedException {
        String password = strongPassword();
        String id = createUser("h6-lock", password, "customer");
        String username = username(id);
        assertThat(signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, username, password, "openid").code())
                .as("the right password, before any failure").isNotNull();

        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(bruteForce(id).get("disabled").asBoolean()).as("locked before failure " + attempt).isFalse();
            // failures less than a second apart lock at once (quick-login check); spaced, they count to five
            Thread.sleep(1100);
            assertThat(signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, username, "wrong-" + attempt, "openid").code())
                    .isNull();
        }
        SignIn sixth = signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, username, password, "openid");

        assertThat(sixth.code()).as("the right password after five wrong ones").isNull();
        assertThat(bruteForce(id).get("disabled").asBoolean()).isTrue();
        assertThat(bruteForce(id).get("numFailures").asInt()).isEqualTo(5);
    }

    private static JsonNode bruteForce(String userId) {
        return admin("GET", "/attack-detection/brute-force/users/" + userId, null);
    }

    @Test
    void aRefreshTokenWorksOnce() throws IOException, InterruptedException {
        JsonNode first = JSON.readTree(exchange(signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, "bob", "bob", "openid"))
                .body());
        // Keycloak tells a replayed token from a fresh one by its issue time, in whole seconds: let one pass, as
        // it always does between a real app's refreshes
        Thread.sleep(1100);

        HttpResponse<String> once = refresh(first.get("refresh_token").asText());
        HttpResponse<String> rotated = refresh(JSON.readTree(once.body()).get("refresh_token").asText());
        HttpResponse<String> replayed = refresh(first.get("refresh_token").asText());

        assertThat(once.statusCode()).isEqualTo(200);
        assertThat(rotated.statusCode()).as("the refresh token it gave in exchange").isEqualTo(200);
        assertThat(replayed.statusCode()).as("the first refresh token, again: " + replayed.body()).isEqualTo(400);
        assertThat(replayed.body()).contains("invalid_grant");
    }

    private static HttpResponse<String> refresh(String refreshToken) {
        return post(REALM_URL + "/protocol/openid-connect/token", Map.of("grant_type", "refresh_token",
                "client_id", KeycloakTokens.MOBILE_CLIENT, "refresh_token", refreshToken));
    }

    @Test
    void theMobileAppGetsNoOfflineToken() throws IOException {
        SignIn asked = signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, "carol", "carol", "openid offline_access");
        if (asked.code() == null) {
            assertThat(asked.location()).as("refused at the authorization endpoint").contains("error=invalid_scope");
            return;
        }
        JsonNode tokens = JSON.readTree(exchange(asked).body());
        assertThat(tokens.get("scope").asText()).doesNotContain("offline_access");
        assertThat(payload(tokens.get("refresh_token").asText()).get("typ").asText()).isEqualTo("Refresh");
    }

    @Test
    void thePasswordPolicyRefusesWeakPasswords() {
        String id = createUser("h6-policy", strongPassword(), "customer");
        JsonNode user = admin("GET", "/users/" + id, null);
        String username = user.get("username").asText();
        String email = user.get("email").asText();
        // each breaks one rule only, so the answer names that rule
        Map<String, String> weak = Map.of(
                "Short1aB", "invalidPasswordMinLengthMessage",
                "no-upper-case-1", "invalidPasswordMinUpperCaseCharsMessage",
                "NO-LOWER-CASE-1", "invalidPasswordMinLowerCaseCharsMessage",
                "No-Digits-At-All", "invalidPasswordMinDigitsMessage",
                username.toUpperCase().charAt(0) + username.substring(1), "invalidPasswordNotUsernameMessage",
                email.toUpperCase().charAt(0) + email.substring(1), "invalidPasswordNotEmailMessage");
        weak.forEach((password, rule) -> {
            HttpResponse<String> reset = resetPassword(id, password);
            assertThat(reset.statusCode()).as(password).isEqualTo(400);
            assertThat(reset.body()).as(password).contains(rule);
        });
        assertThat(resetPassword(id, strongPassword()).statusCode()).isEqualTo(204);
    }

    private static HttpResponse<String> resetPassword(String userId, String password) {
        return adminRaw("PUT", "/users/" + userId + "/reset-password", Map.of("type", "password", "value", password, "temporary", false));
    }

    @Test
    void staffSignInAsksForOtpExceptFromDemoUsers() {
        String password = strongPassword();
        String id = createUser("h6-agent", password, "agent");

        SignIn agent = signIn(KeycloakTokens.ADMIN_CLIENT, KeycloakTokens.ADMIN_REDIRECT, username(id), password, "openid");

        assertThat(agent.code()).as("an agent without OTP gets no code").isNull();
        assertThat(agent.location()).as("sent to set OTP up").contains("required-action", "CONFIGURE_TOTP");
        assertThat(signIn(KeycloakTokens.ADMIN_CLIENT, KeycloakTokens.ADMIN_REDIRECT, "agnes", "agnes", "openid").code())
                .as("the demo agent, exempt in the local stack").isNotNull();
        for (String role : STAFF_ROLES) {
            assertThat(admin("GET", "/roles/" + role + "/composites/realm", null)).as(role)
                    .extracting(composite -> composite.get("name").asText()).containsExactly("staff");
        }
        String customer = createUser("h6-customer", password, "customer");
        assertThat(signIn(KeycloakTokens.MOBILE_CLIENT, KeycloakTokens.MOBILE_REDIRECT, username(customer), password, "openid").code())
                .as("customers sign in without OTP").isNotNull();
    }

    // ---------------------------------------------------------------- a browser's sign-in, with PKCE

    /** Where the sign-in sent the browser: back to the client with a code, or on (an error, OTP set-up). */
    record SignIn(String clientId, String redirectUri, String verifier, String location) {
        String code() {
            return queryParameter(location, "code");
        }
    }

    private static SignIn signIn(String clientId, String redirectUri, String username, String password, String scope) {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = randomUrlSafe(48);
        String authorize = REALM_URL + "/protocol/openid-connect/auth?" + form(Map.of("client_id", clientId,
                "response_type", "code", "scope", scope, "redirect_uri", redirectUri, "state", randomUrlSafe(12),
                "code_challenge", s256(verifier), "code_challenge_method", "S256"));
        HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        Matcher action = LOGIN_FORM_ACTION.matcher(loginPage.body());
        if (!action.find()) {
            return new SignIn(clientId, redirectUri, verifier, loginPage.headers().firstValue("Location").orElse(""));
        }
        HttpResponse<String> afterLogin = send(browser, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", loginPage.headers().allValues("Set-Cookie").stream()
                        .map(cookie -> cookie.split(";", 2)[0]).collect(Collectors.joining("; ")))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password)))).build());
        return new SignIn(clientId, redirectUri, verifier, afterLogin.headers().firstValue("Location").orElse(""));
    }

    private static HttpResponse<String> exchange(SignIn signIn) {
        assertThat(signIn.code()).as("a code from the sign-in").isNotNull();
        HttpResponse<String> tokens = post(REALM_URL + "/protocol/openid-connect/token", Map.of("grant_type", "authorization_code",
                "client_id", signIn.clientId(), "code", signIn.code(), "redirect_uri", signIn.redirectUri(),
                "code_verifier", signIn.verifier()));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return tokens;
    }

    // ---------------------------------------------------------------- the admin API

    /** A user with a complete profile, a password and one realm role: not a demo user, so never exempt from OTP. */
    private static String createUser(String prefix, String password, String role) {
        String username = prefix + "-" + randomUrlSafe(6).toLowerCase().replaceAll("[^a-z0-9]", "x");
        HttpResponse<String> created = adminRaw("POST", "/users", Map.of("username", username, "enabled", true,
                "email", username + "@test.careline.test", "emailVerified", true, "firstName", "Test", "lastName", "User",
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        CREATED.add(id);
        JsonNode roleRepresentation = admin("GET", "/roles/" + role, null);
        assertThat(adminRaw("POST", "/users/" + id + "/role-mappings/realm", List.of(roleRepresentation)).statusCode()).isEqualTo(204);
        return id;
    }

    private static String username(String id) {
        return admin("GET", "/users/" + id, null).get("username").asText();
    }

    private static JsonNode admin(String method, String path, Object body) {
        HttpResponse<String> response = adminRaw(method, path, body);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> adminRaw(String method, String path, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(ADMIN_URL + path))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                    .method(method, publisher).build());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The local stack's bootstrap admin, in the master realm (whose admin-cli keeps the password grant). */
    private static String adminToken() throws IOException {
        HttpResponse<String> token = post(URL + "/realms/master/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", System.getProperty("careline.keycloak.admin", "admin"),
                "password", System.getProperty("careline.keycloak.admin-password", "admin")));
        assertThat(token.statusCode()).as("the master realm's admin: " + token.body()).isEqualTo(200);
        return JSON.readTree(token.body()).get("access_token").asText();
    }

    // ---------------------------------------------------------------- small helpers

    private static List<String> realmRoles(String accessToken) {
        List<String> roles = new ArrayList<>();
        payload(accessToken).path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    private static JsonNode payload(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Meets the realm's policy: 12 or more characters, a digit, lower and upper case. */
    private static String strongPassword() {
        return "Pw1-" + randomUrlSafe(12);
    }

    private static HttpResponse<String> post(String url, Map<String, String> parameters) {
        return send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build());
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + URL + " (./careline up --servers starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String queryParameter(String uri, String name) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String pair : uri.substring(query + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
