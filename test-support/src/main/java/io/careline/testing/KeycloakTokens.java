package io.careline.testing;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from the local Keycloak's {@code careline} realm, obtained the way the real clients do:
 * the mobile app and the admin console sign in with the authorization code flow and PKCE (through Keycloak's
 * login form), partners with client credentials. No password grant, no fake tokens.
 *
 * <p>The Keycloak address comes from the {@code careline.keycloak.url} system property or the
 * {@code CARELINE_KEYCLOAK_URL} environment variable, default {@value #DEFAULT_URL}.
 */
public final class KeycloakTokens {

    public static final String DEFAULT_URL = "http://127.0.0.1:18080";
    public static final String REALM = "careline";
    public static final String MOBILE_CLIENT = "careline-mobile";
    public static final String MOBILE_REDIRECT = "careline://auth/callback";
    public static final String ADMIN_CLIENT = "careline-admin";
    public static final String ADMIN_REDIRECT = "http://127.0.0.1:5173/callback";
    public static final String PARTNER_CLIENT = "careline-partner-acme";
    public static final String PARTNER_SECRET = "acme-demo-secret";
    /** A second partner, so tests can show that one partner never reaches another's data. */
    public static final String OTHER_PARTNER_CLIENT = "careline-partner-globex";
    public static final String OTHER_PARTNER_SECRET = "globex-demo-secret";

    private static final Pattern LOGIN_FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID_TOKEN = Pattern.compile("\"id_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final KeycloakTokens LOCAL = new KeycloakTokens(System.getProperty("careline.keycloak.url",
            System.getenv().getOrDefault("CARELINE_KEYCLOAK_URL", DEFAULT_URL)));

    private final String realmUrl;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    private record Token(String value, Instant expiresAt) {
    }

    public KeycloakTokens(String keycloakUrl) {
        this.realmUrl = keycloakUrl + "/realms/" + REALM;
    }

    public static KeycloakTokens local() {
        return LOCAL;
    }

    /** A customer signed in to the mobile claim app (demo customers: alice, bob; password = user name). */
    public String customer(String username) {
        return cached(MOBILE_CLIENT + "/" + username, () -> tokenResponse(MOBILE_CLIENT, MOBILE_REDIRECT, username, username));
    }

    /** A member of staff signed in to the admin console (agents agnes and sam of team north, ted of team south; sam is also the supervisor; mia the
     * manager; cora, victor, ada). */
    public String staff(String username) {
        return cached(ADMIN_CLIENT + "/" + username, () -> tokenResponse(ADMIN_CLIENT, ADMIN_REDIRECT, username, username));
    }

    /** The demo partner system (partner_id acme), by client credentials. */
    public String partner() {
        return clientCredentials(PARTNER_CLIENT, PARTNER_SECRET);
    }

    /** The second demo partner (partner_id globex), by client credentials. */
    public String otherPartner() {
        return clientCredentials(OTHER_PARTNER_CLIENT, OTHER_PARTNER_SECRET);
    }

    private String clientCredentials(String clientId, String secret) {
        return cached(clientId, () -> post("/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)));
    }

    /** The access token of a sign-in through any client of the realm (authorization code flow with PKCE). */
    public String signIn(String clientId, String redirectUri, String username, String password) {
        return field(ACCESS_TOKEN, tokenResponse(clientId, redirectUri, username, password), "access token");
    }

    /** The ID token of such a sign-in: signed by the realm like an access token, but not one. */
    public String idToken(String clientId, String redirectUri, String username, String password) {
        return field(ID_TOKEN, tokenResponse(clientId, redirectUri, username, password), "ID token");
    }

    private static String field(Pattern pattern, String tokenResponse, String what) {
        Matcher value = pattern.matcher(tokenResponse);
        if (!value.find()) {
            throw new IllegalStateException("no " + what + " in Keycloak's answer: " + tokenResponse);
        }
        return value.group(1);
    }

    /** Authorization code flow with PKCE: open the login page, submit the form, exchange the code. */
    private String tokenResponse(String clientId, String redirectUri, String username, String password) {
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String verifier = randomUrlSafe(48);
        String authorize = realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "response_type", "code", "scope", "openid", "redirect_uri", redirectUri,
                "state", randomUrlSafe(12), "code_challenge", s256(verifier), "code_challenge_method", "S256"));

        HttpResponse<String> loginPage = send(browser, HttpRequest.newBuilder(URI.create(authorize)).GET().build());
        Matcher action = LOGIN_FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("Keycloak showed no login form for " + clientId + " (HTTP "
                    + loginPage.statusCode() + "); is it running? ./careline up --servers");
        }
        HttpResponse<String> afterLogin = send(browser, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookiesSetBy(loginPage))
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", username, "password", password))))
                .build());
        String location = afterLogin.headers().firstValue("Location").orElse("");
        String code = queryParameter(location, "code");
        if (code == null) {
            throw new IllegalStateException("Keycloak refused the sign-in of " + username + " to " + clientId + " (HTTP "
                    + afterLogin.statusCode() + ")");
        }
        return post("/protocol/openid-connect/token", Map.of("grant_type", "authorization_code", "client_id", clientId,
                "code", code, "redirect_uri", redirectUri, "code_verifier", verifier));
    }

    /**
     * Keycloak marks its session cookies Secure; browsers send those to loopback over plain http, but
     * java.net's CookieManager does not, so they are carried by hand.
     */
    private static String cookiesSetBy(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(header -> header.substring(0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    private String cached(String key, java.util.function.Supplier<String> tokenResponse) {
        Token token = cache.get(key);
        if (token == null || Instant.now().isAfter(token.expiresAt())) {
            String response = tokenResponse.get();
            Matcher value = ACCESS_TOKEN.matcher(response);
            Matcher expiresIn = EXPIRES_IN.matcher(response);
            if (!value.find()) {
                throw new IllegalStateException("no access token in Keycloak's answer: " + response);
            }
            long seconds = expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 60;
            token = new Token(value.group(1), Instant.now().plusSeconds(seconds).minus(MARGIN));
            cache.put(key, token);
        }
        return token.value();
    }

    private String post(String path, Map<String, String> parameters) {
        HttpResponse<String> response = send(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(realmUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(parameters))).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + request.uri().getAuthority()
                    + " (./careline up --servers starts it)", e);
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
