package io.careline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.careline.e2e.AuthorizationTable.Row;
import io.careline.e2e.DemoCallers.Caller;
import io.careline.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * docs/authorization.md, walked through the gateway with real tokens: every row, as every demo caller and with every
 * kind of token that is not one of ours, for an object of the caller's own and someone else's. Every mismatch is
 * collected and reported at once. An endpoint the gateway routes or a service documents without a row fails too.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationWalkIT {

    /** The gateway's management interface (its port + 1000 unless told): its routes and the services' documents. */
    static final String MANAGEMENT = System.getProperty("careline.gateway.management.url", managementOf(Platform.GATEWAY));
    private static final KeycloakTokens TOKENS = KeycloakTokens.local();
    private static final String NORTH_CUSTOMER = SampleBodies.NORTH_CUSTOMER;

    /**
     * An object a placeholder stands for: the value of its owner's, who reaches it (null: every admitted caller), the
     * value of someone else's and the caller that must get a 404 for it.
     */
    record Fixture(String own, Set<String> reachers, String other, String otherProbedBy) {
    }

    private final List<Row> rows = AuthorizationTable.rows();
    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private final Map<String, Fixture> fixtures = new HashMap<>();
    private final Map<String, String> bodies = new HashMap<>();
    private BadTokens.Expiring expiring;

    @BeforeAll
    void signInAndMakeTheObjects() {
        RestAssured.baseURI = Platform.GATEWAY;
        // first, so that it has expired by the time the walk needs it expired
        expiring = BadTokens.expiring();
        // accepted by the gateway while it lives (a service then finds no role in a client it does not know)
        assertThat(call("GET", "/api/v1/me/profile", expiring.token(), null, Map.of()).statusCode()).isEqualTo(403);

        callers.putAll(DemoCallers.signIn(TOKENS));

        bodies.putAll(SampleBodies.valid());
        makeFixtures();
    }

    @AfterAll
    void removeTheExpiringClient() {
        if (expiring != null) {
            expiring.close();
        }
    }

    @Test
    void everyRouteAndEveryDocumentedOperationHasARowAndEveryRowAnOperation() {
        JsonPath index = JsonPath.from(given().get(MANAGEMENT + "/q/api-docs").then().statusCode(200).extract().asString());
        Set<String> missing = new TreeSet<>();
        Set<String> documented = new TreeSet<>();
        List<String> services = index.getList("services.name", String.class);
        assertThat(services).as("services behind the gateway").isNotEmpty();
        for (String service : services) {
            for (String prefix : index.getList("services.find { it.name == '" + service + "' }.prefixes", String.class)) {
                if (rows.stream().noneMatch(row -> row.service().equals(service)
                        && (row.path().equals(prefix) || row.path().startsWith(prefix + "/")))) {
                    missing.add("the route " + prefix + "/** of " + service);
                }
            }
            JsonPath document = JsonPath.from(given().accept("application/json").get(MANAGEMENT + "/q/api-docs/" + service)
                    .then().statusCode(200).extract().asString());
            documented.addAll(operations(document, service));
        }
        documented.addAll(operations(JsonPath.from(given().accept("application/json").get(MANAGEMENT + "/q/openapi")
                .then().statusCode(200).extract().asString()), "gateway"));

        Set<String> tabled = rows.stream().map(Row::operation).collect(Collectors.toSet());
        documented.stream().filter(operation -> !tabled.contains(operation))
                .forEach(operation -> missing.add("the operation " + operation));
        List<String> stale = rows.stream().filter(row -> !row.ownership().equals("none"))
                .filter(row -> !documented.contains(row.operation())).map(Row::toString).toList();

        assertThat(missing).as("served, but without a row in %s", AuthorizationTable.DOCUMENT).isEmpty();
        assertThat(stale).as("rows of %s that no service documents", AuthorizationTable.DOCUMENT).isEmpty();
    }

    @Test
    void everyRowAnswersEveryCallerAndEveryTokenAsTheTableSays() {
        Map<String, String> badTokens = new LinkedHashMap<>(BadTokens.of(TOKENS));
        await().atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(expiring.deadAt()));
        badTokens.put("expired", expiring.token());
        badTokens.put("no token", null);

        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            String path = fill(row, true);
            for (Map.Entry<String, String> bad : badTokens.entrySet()) {
                // a token that is no access token of ours never reaches a service; a webhook is refused its signature
                expect(mismatches, row, "with " + bad.getKey(), call(row.method(), path, bad.getValue(), body(row), Map.of()), 401);
            }
            for (Caller caller : callers.values()) {
                Integer expected = expected(row, caller);
                if (expected == null) {
                    continue; // an allowed caller on a skipped row
                }
                // a partner's external ids are its own namespace: another partner's PUT makes a customer of its own,
                // under an id of its own here, so that the walk does not make the owner's object reachable to it
                String target = expected == 0 && isUpsertOfAnother(row, caller) ? fill(row, null) : path;
                Response response = call(row.method(), target, caller.token(), body(row), Map.of());
                if (expected == 0) {
                    expectAllowed(mismatches, row, "as " + caller.name(), response);
                } else {
                    expect(mismatches, row, "as " + caller.name(), response, expected);
                }
            }
            probeSomeoneElses(row, mismatches);
        }
        assertThat(mismatches).as("answers unlike %s", AuthorizationTable.DOCUMENT).isEmpty();
    }

    @Test
    void headersNamingSomeoneElseChangeNothing() {
        Map<String, String> forged = Map.of("X-Customer-Id", "C-1002", "X-User", "bob", "X-Forwarded-User", "bob",
                "X-Partner-Id", "globex", "X-Team", "south", "X-Forwarded-For", "10.0.0.1");
        Caller alice = callers.get("alice");
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            if (!row.method().equals("GET") || !row.ownership().equals("own") || !row.client().equals("mobile")) {
                continue;
            }
            String path = fill(row, true);
            int honest = call("GET", path, alice.token(), null, Map.of()).statusCode();
            expect(mismatches, row, "as alice naming bob in headers", call("GET", path, alice.token(), null, forged), honest);
            if (!row.placeholders().isEmpty() && fixtures.containsKey(row.placeholders().get(0))) {
                expect(mismatches, row, "for bob's object as alice naming bob in headers",
                        call("GET", fill(row, false), alice.token(), null, forged), 404);
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(call("GET", "/api/v1/me/profile", alice.token(), null, forged).jsonPath().getString("customerId"))
                .isEqualTo(NORTH_CUSTOMER);
        assertThat(call("GET", "/api/v1/me/complaints?size=100", alice.token(), null, forged).jsonPath()
                .getList("items.id", String.class))
                .contains(fixtures.get("my-complaint").own()).doesNotContain(fixtures.get("my-complaint").other());
    }

    // ------------------------------------------------------------------ what the table says

    /** 0: the row's allowed answer; null: not to be called; otherwise the status. */
    private Integer expected(Row row, Caller caller) {
        if (row.ownership().equals("public")) {
            return 401; // the walk signs nothing
        }
        if (row.ownership().equals("none")) {
            return 404;
        }
        if (!DemoCallers.admits(row, caller)) {
            return 403;
        }
        if (row.allowed().equals("skip")) {
            return null;
        }
        for (String placeholder : row.placeholders()) {
            Fixture fixture = fixtures.get(placeholder);
            if (fixture != null && fixture.reachers() != null && !fixture.reachers().contains(caller.name())) {
                return isUpsert(row) ? 0 : 404;
            }
        }
        return 0;
    }

    private static boolean isUpsert(Row row) {
        return row.method().equals("PUT") && row.ownership().equals("partner");
    }

    private boolean isUpsertOfAnother(Row row, Caller caller) {
        return isUpsert(row) && row.placeholders().stream().map(fixtures::get)
                .anyMatch(fixture -> fixture != null && fixture.reachers() != null && !fixture.reachers().contains(caller.name()));
    }

    /** The owner of the row's object asks for someone else's: a 404, like an object that does not exist. */
    private void probeSomeoneElses(Row row, List<String> mismatches) {
        if (!Set.of("own", "team", "partner").contains(row.ownership()) || row.allowed().equals("skip") || isUpsert(row)) {
            return;
        }
        for (String placeholder : row.placeholders()) {
            Fixture fixture = fixtures.get(placeholder);
            Caller owner = fixture == null || fixture.other() == null ? null : callers.get(fixture.otherProbedBy());
            // only a caller the row admits can be told "not found" (a supervisor reaches every team: nobody to ask)
            if (owner != null && Integer.valueOf(0).equals(expected(row, owner))) {
                expect(mismatches, row, "as " + owner.name() + " for someone else's " + placeholder,
                        call(row.method(), fill(row, false), owner.token(), body(row), Map.of()), 404);
            }
        }
    }

    private static void expect(List<String> mismatches, Row row, String who, Response response, int status) {
        if (response.statusCode() != status) {
            mismatches.add(row + " " + who + ": expected " + status + ", got " + describe(response));
        } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            mismatches.add(row + " " + who + ": " + status + " without a problem body: " + describe(response));
        }
    }

    private static void expectAllowed(List<String> mismatches, Row row, String who, Response response) {
        int status = response.statusCode();
        boolean ok = row.allowed().equals("2xx") ? status >= 200 && status < 300
                : status != 401 && status != 403 && status < 500;
        if (!ok) {
            mismatches.add(row + " " + who + ": expected " + row.allowed() + ", got " + describe(response));
        }
    }

    private static String describe(Response response) {
        String body = response.asString();
        return response.statusCode() + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }

    // ------------------------------------------------------------------ requests

    private static Response call(String method, String path, String token, String body, Map<String, String> headers) {
        RequestSpecification request = given().redirects().follow(false).headers(headers);
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body != null) {
            request.contentType("application/json").body(body);
        }
        if (method.equals("POST")) {
            request.header("Idempotency-Key", "walk-" + UUID.randomUUID());
        }
        return request.request(method, path);
    }

    /** The row's path with the owner's objects (own), someone else's (not own) or nobody's (null) for its placeholders. */
    private String fill(Row row, Boolean own) {
        String path = row.path();
        for (String placeholder : row.placeholders()) {
            Fixture fixture = fixtures.get(placeholder);
            String value = fixture == null || own == null ? nobodys(placeholder)
                    : own || fixture.other() == null ? fixture.own() : fixture.other();
            path = path.replace("{" + placeholder + "}", value);
        }
        return path;
    }

    /** An id no object has (its row is then "authorized": a 404 is what an allowed caller gets). */
    private static String nobodys(String placeholder) {
        return placeholder.equals("month") ? YearMonth.now().toString() : UUID.randomUUID().toString();
    }

    private String body(Row row) {
        if (!Set.of("POST", "PUT", "PATCH").contains(row.method())) {
            return null;
        }
        return bodies.getOrDefault(row.operation(), "{}");
    }

    // ------------------------------------------------------------------ what the walk sends and works on

    private void makeFixtures() {
        String alices = created("alice", "POST", "/api/v1/me/complaints").getString("id");
        String bobs = created("bob", "POST", "/api/v1/me/complaints").getString("id");
        fixtures.put("my-complaint", new Fixture(alices, Set.of("alice"), bobs, "alice"));

        String north = created("agnes", "POST", "/api/v1/complaints").getString("id");
        String south = created("ted", "POST", "/api/v1/complaints").getString("id");
        fixtures.put("team-complaint", new Fixture(north, Set.of("agnes", "sam", "mia"), south, "agnes"));

        String acmes = created("acme", "POST", "/api/partner/v1/complaints").getString("id");
        String globexs = created("globex", "POST", "/api/partner/v1/complaints").getString("id");
        fixtures.put("partner-complaint", new Fixture(acmes, Set.of("acme"), globexs, "acme"));

        JsonPath alicesClaim = claim("acme", NORTH_CUSTOMER);
        JsonPath bobsClaim = claim("acme", "C-1002");
        JsonPath globexClaim = claim("globex", NORTH_CUSTOMER);
        fixtures.put("partner-claim", new Fixture(alicesClaim.getString("claimRef"), Set.of("acme"),
                globexClaim.getString("claimRef"), "acme"));
        fixtures.put("my-claim", new Fixture(alicesClaim.getString("id"), Set.of("alice"), bobsClaim.getString("id"), "alice"));

        String acmeCustomer = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        String globexCustomer = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        created("acme", "PUT", "/api/partner/v1/customers/" + acmeCustomer);
        created("globex", "PUT", "/api/partner/v1/customers/" + globexCustomer);
        fixtures.put("partner-customer", new Fixture(acmeCustomer, Set.of("acme"), globexCustomer, "acme"));

        fixtures.put("my-subscription", new Fixture(subscription("alice", "weather-alerts"), Set.of("alice"),
                subscription("bob", "news-daily"), "alice"));
        fixtures.put("my-message", new Fixture(inboxMessage("alice"), Set.of("alice"), inboxMessage("bob"), "alice"));

        fixtures.put("customer", new Fixture(NORTH_CUSTOMER, null, null, null));
        fixtures.put("volunteer", new Fixture(created("cora", "POST", "/api/v1/care/volunteers").getString("id"), null, null, null));
        fixtures.put("group-activity", new Fixture(created("cora", "POST", "/api/v1/care/group-activities").getString("id"),
                null, null, null));
    }

    private JsonPath created(String caller, String method, String path) {
        String operation = method + " " + path.replaceAll("/walk-[0-9a-f]+$", "/{}");
        Response response = call(method, path, callers.get(caller).token(), bodies.getOrDefault(operation, "{}"), Map.of());
        assertThat(response.statusCode()).as("%s %s as %s: %s", method, path, caller, response.asString()).isBetween(200, 299);
        return response.jsonPath();
    }

    private JsonPath claim(String partner, String customer) {
        String body = "{\"eventId\":\"walk-" + UUID.randomUUID() + "\",\"claimRef\":\"WALK-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"customerId\":\"" + customer + "\",\"occurredAt\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}";
        Response response = call("POST", "/api/partner/v1/claims", callers.get(partner).token(), body, Map.of());
        assertThat(response.statusCode()).as("a claim reported by %s: %s", partner, response.asString()).isEqualTo(201);
        return response.jsonPath();
    }

    private String subscription(String customer, String product) {
        String token = callers.get(customer).token();
        Response requested = call("POST", "/api/v1/me/subscriptions", token, "{\"product\":\"" + product + "\"}", Map.of());
        if (requested.statusCode() / 100 == 2) {
            return requested.jsonPath().getString("id");
        }
        // already asked for in an earlier run against the same stack
        List<String> ids = call("GET", "/api/v1/me/subscriptions?size=100", token, null, Map.of()).jsonPath().getList("items.id");
        assertThat(ids).as("%s's subscriptions (asking for one: %s)", customer, requested.asString()).isNotEmpty();
        return ids.get(0);
    }

    /** The acknowledgement of the customer's complaint, once the notification service has put it in the inbox. */
    private String inboxMessage(String customer) {
        String token = callers.get(customer).token();
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> call("GET", "/api/v1/me/inbox", token, null, Map.of()).jsonPath().getString("items[0].id"),
                        id -> id != null);
    }

    private static List<String> operations(JsonPath document, String service) {
        List<String> operations = new ArrayList<>();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "patch", "delete").contains(method))
                .forEach(method -> operations.add(method.toUpperCase() + " "
                        + path.replace("{service}", service).replaceAll("\\{[^}]+}", "{}"))));
        return operations;
    }

    private static String managementOf(String gateway) {
        URI uri = URI.create(gateway);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 1000);
    }
}
