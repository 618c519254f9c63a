package io.careline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import groovy.json.JsonOutput;
import groovy.json.JsonSlurper;
import io.careline.e2e.AuthorizationTable.Row;
import io.careline.e2e.DemoCallers.Caller;
import io.careline.testing.KeycloakTokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Bad requests against every write endpoint of docs/authorization.md that takes a body, through the gateway, as a
 * caller the row admits: malformed JSON, wrong types, oversized and deeply nested bodies, unknown fields, huge numbers,
 * control characters, long strings, path traversal and injection strings (in fields that name something: free text
 * such as a complaint's description may say anything, and is stored as it was sent). Every one must get a 4xx problem, never a
 * 5xx nor a 2xx, and leave nothing written (a read-back before and after is the same).
 *
 * <p>Opt-in for now ({@code -Dcareline.e2e.bad-input=true}): its first run found 44 cases the services still answer
 * wrongly (a NUL in text is a 500 from PostgreSQL; numbers accepted as text and as booleans; control characters and
 * attack strings stored in naming fields — the list is in issue 10's notes and e2e/README.md). It joins
 * ./careline test once they are fixed, so that it guards them rather than failing on known defects.
 */
@EnabledIfSystemProperty(named = "careline.e2e.bad-input", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusIT {

    private static final KeycloakTokens TOKENS = KeycloakTokens.local();
    /** Fields that name something (an id, a code, an enum): text that is an attack is no valid value there. */
    private static final Set<String> NAMING_FIELDS = Set.of("customerId", "claimRef", "product", "team",
            "assignee", "region", "channel", "currency", "status", "category", "kind", "purpose", "locale", "timezone",
            "code", "priority", "username", "volunteerId", "beneficiaryId", "decision", "relationship");
    private static final List<String> ATTACKS = List.of("' OR '1'='1", "../../../../etc/passwd", "${jndi:ldap://127.0.0.1:1/x}",
            "<script>alert(1)</script>", "{\"$gt\":\"\"}", "C-1001\r\nX-Injected: 1");
    private static final List<String> PATH_ATTACKS = List.of("..%2F..%2F..%2Fq%2Fmetrics", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            URLEncoder.encode("' OR '1'='1", StandardCharsets.UTF_8), "%00", URLEncoder.encode("${jndi:ldap://x/y}", StandardCharsets.UTF_8));

    private final List<Row> rows = AuthorizationTable.rows();
    private final Map<String, Caller> callers = new LinkedHashMap<>();
    private final Map<String, String> bases = SampleBodies.corpusBases();
    private final Map<String, String> objects = new HashMap<>();

    @BeforeAll
    void signInAndMakeTheObjects() {
        RestAssured.baseURI = Platform.GATEWAY;
        callers.putAll(DemoCallers.signIn(TOKENS));
        objects.put("my-complaint", create("alice", "/api/v1/me/complaints", bases.get("POST /api/v1/me/complaints")));
        objects.put("team-complaint", create("agnes", "/api/v1/complaints", bases.get("POST /api/v1/complaints")));
        String claimRef = "CORPUS-" + UUID.randomUUID().toString().substring(0, 8);
        call("acme", "POST", "/api/partner/v1/claims", bases.get("POST /api/partner/v1/claims").replace("CORPUS-1", claimRef),
                "application/json");
        objects.put("partner-claim", claimRef);
        objects.put("customer", SampleBodies.NORTH_CUSTOMER);
        objects.put("partner-customer", "corpus-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void everyBadRequestToEveryWriteIsA4xxProblemAndWritesNothing() {
        Set<String> withBodies = documentedWithBody();
        List<String> mismatches = new ArrayList<>();
        int sent = 0;
        for (Row row : rows) {
            if (!withBodies.contains(row.operation()) || row.allowed().equals("skip") || row.ownership().equals("none")) {
                continue;
            }
            Caller caller = callers.values().stream().filter(c -> DemoCallers.admits(row, c)).findFirst()
                    .orElse(callers.get("alice")); // a public row admits nobody: its own check must refuse the corpus too
            String path = fill(row.path(), null);
            Object before = readBack(row);
            for (Map.Entry<String, String> bad : cases(row).entrySet()) {
                check(mismatches, row, bad.getKey(), call(caller.name(), row.method(), path, bad.getValue(), "application/json"));
                sent++;
            }
            String valid = bases.getOrDefault(row.operation(), "{}");
            check(mismatches, row, "a valid body as text/plain", call(caller.name(), row.method(), path, valid, "text/plain"));
            check(mismatches, row, "a body that is not UTF-8", callBytes(caller, row.method(), path, new byte[] { '{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}' }));
            sent += 2;
            if (!row.placeholders().isEmpty()) {
                for (String attack : PATH_ATTACKS) {
                    check(mismatches, row, "the path with " + attack,
                            call(caller.name(), row.method(), fill(row.path(), attack), valid, "application/json"));
                    sent++;
                }
            }
            Object after = readBack(row);
            if (before != null && !before.equals(after)) {
                mismatches.add(row + ": written by the corpus: before " + before + ", after " + after);
            }
        }
        assertThat(sent).as("bad requests sent").isGreaterThan(500);
        assertThat(mismatches).as("bad input not refused with a 4xx problem").isEmpty();
    }

    /** Bad bodies for one row, by what is wrong with them. */
    private Map<String, String> cases(Row row) {
        String base = bases.getOrDefault(row.operation(), "{}");
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) new JsonSlurper().parseText(base);
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("malformed JSON", base.substring(0, base.length() - 1) + ",");
        cases.put("a JSON array", "[" + base + "]");
        cases.put("a JSON string", "\"" + base.replace("\"", "'") + "\"");
        cases.put("JSON null", "null");
        cases.put("an empty body", "");
        cases.put("arrays nested 10000 deep", "[".repeat(10_000) + "]".repeat(10_000));
        cases.put("objects nested 10000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        cases.put("a body over the 64 KiB limit", withField(fields, "padding", "x".repeat(65 * 1024)));
        cases.put("an unknown field", withField(fields, "unexpectedField", true));
        if (!fields.isEmpty()) {
            cases.put("every field of the wrong type", mapped(fields, BadInputCorpusIT::wrongType));
            cases.put("every field a huge number (1e999999999)", mapped(fields, v -> "__HUGE__").replace("\"__HUGE__\"", "1e999999999"));
            cases.put("every field a 40-digit integer", mapped(fields, v -> "__BIG__").replace("\"__BIG__\"", "1234567890".repeat(4)));
        }
        fields.forEach((name, value) -> {
            if (value instanceof String) {
                cases.put(name + " with control characters", withField(fields, name, "a\u0000b\u0007c\u001b[2J\u202ed"));
                // under the 64 KiB body limit, over any length a field of the platform allows
                cases.put(name + " 20000 characters long", withField(fields, name, "a".repeat(20_000)));
                if (NAMING_FIELDS.contains(name)) {
                    cases.put(name + " blank", withField(fields, name, " \t\n"));
                    ATTACKS.forEach(attack -> cases.put(name + " = " + attack, withField(fields, name, attack)));
                }
            } else if (value instanceof Number) {
                cases.put(name + " NaN as text", withField(fields, name, "NaN"));
                cases.put(name + " 1e308", withField(fields, name, "__E308__").replace("\"__E308__\"", "1e308"));
            }
        });
        return cases;
    }

    private static Object wrongType(Object value) {
        if (value instanceof String) {
            return Map.of("$gt", "");
        }
        if (value instanceof Number) {
            return "abc";
        }
        if (value instanceof Boolean) {
            return "maybe";
        }
        return "x";
    }

    private static String withField(Map<String, Object> fields, String name, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(fields);
        changed.put(name, value);
        return JsonOutput.toJson(changed);
    }

    private static String mapped(Map<String, Object> fields, Function<Object, Object> change) {
        Map<String, Object> changed = new LinkedHashMap<>();
        fields.forEach((name, value) -> changed.put(name, change.apply(value)));
        return JsonOutput.toJson(changed);
    }

    private static void check(List<String> mismatches, Row row, String what, Response response) {
        int status = response.statusCode();
        String contentType = String.valueOf(response.contentType());
        if (status < 400 || status >= 500 || !contentType.startsWith("application/problem+json")) {
            String body = response.asString();
            mismatches.add(row + " with " + what + ": " + status + " " + contentType + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));
        }
    }

    // ------------------------------------------------------------------ requests and read-backs

    /** What must not change when the corpus is sent to a row: a list's total or an object, read as its owner. */
    private Object readBack(Row row) {
        String[] read = switch (row.operation()) {
            case "POST /api/v1/me/complaints" -> new String[] { "alice", "/api/v1/me/complaints", "total" };
            case "POST /api/v1/me/complaints/{}/messages" -> new String[] { "alice", "/api/v1/me/complaints/{my-complaint}/messages", "total" };
            case "POST /api/v1/me/network-reports" -> new String[] { "alice", "/api/v1/me/network-reports", "total" };
            case "POST /api/v1/me/subscriptions" -> new String[] { "alice", "/api/v1/me/subscriptions", "total" };
            case "PATCH /api/v1/me/profile" -> new String[] { "alice", "/api/v1/me/profile", "" };
            case "PUT /api/v1/me/consents" -> new String[] { "alice", "/api/v1/me/consents", "" };
            case "POST /api/v1/complaints" -> new String[] { "agnes", "/api/v1/complaints", "total" };
            case "POST /api/v1/complaints/{}/notes", "POST /api/v1/complaints/{}/replies" ->
                    new String[] { "agnes", "/api/v1/complaints/{team-complaint}/messages", "total" };
            case "POST /api/partner/v1/complaints" -> new String[] { "acme", "/api/partner/v1/complaints", "total" };
            case "POST /api/partner/v1/claims" -> new String[] { "acme", "/api/partner/v1/claims", "total" };
            case "PUT /api/partner/v1/customers/{}" -> new String[] { "acme", "/api/partner/v1/customers/{partner-customer}", "status" };
            case "POST /api/v1/customers" -> new String[] { "agnes", "/api/v1/customers", "total" };
            case "PUT /api/v1/customers/{}/consents" -> new String[] { "agnes", "/api/v1/customers/{customer}/consents", "" };
            case "POST /api/v1/care/volunteers" -> new String[] { "cora", "/api/v1/care/volunteers", "total" };
            case "POST /api/v1/care/group-activities" -> new String[] { "cora", "/api/v1/care/group-activities", "total" };
            default -> null;
        };
        if (read == null) {
            return null;
        }
        Response response = call(read[0], "GET", fill(read[1], null), null, null);
        if (read[2].equals("status")) {
            return response.statusCode(); // a customer the corpus must not have created: 404 before and after
        }
        assertThat(response.statusCode()).as("read-back %s: %s", read[1], response.asString()).isEqualTo(200);
        return read[2].isEmpty() ? response.asString() : JsonPath.from(response.asString()).getInt(read[2]);
    }

    private String fill(String path, String attack) {
        String filled = path;
        java.util.regex.Matcher placeholder = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path);
        boolean first = true;
        while (placeholder.find()) {
            String value = attack != null && first ? attack
                    : objects.getOrDefault(placeholder.group(1), UUID.randomUUID().toString());
            filled = filled.replace(placeholder.group(), value);
            first = false;
        }
        return filled;
    }

    private Set<String> documentedWithBody() {
        Set<String> operations = new java.util.HashSet<>();
        JsonPath index = JsonPath.from(given().get(AuthorizationWalkIT.MANAGEMENT + "/q/api-docs").then().statusCode(200)
                .extract().asString());
        for (String service : index.getList("services.name", String.class)) {
            JsonPath document = JsonPath.from(given().accept("application/json")
                    .get(AuthorizationWalkIT.MANAGEMENT + "/q/api-docs/" + service).then().statusCode(200).extract().asString());
            Map<String, Map<String, Object>> paths = document.getMap("paths");
            paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
                if (operation instanceof Map<?, ?> op && op.containsKey("requestBody")) {
                    operations.add(method.toUpperCase() + " " + path.replace("{service}", service).replaceAll("\\{[^}]+}", "{}"));
                }
            }));
        }
        assertThat(operations).as("documented writes with a body").isNotEmpty();
        return operations;
    }

    private String create(String caller, String path, String body) {
        Response response = call(caller, "POST", path, body, "application/json");
        assertThat(response.statusCode()).as("%s as %s: %s", path, caller, response.asString()).isEqualTo(201);
        return response.jsonPath().getString("id");
    }

    private Response call(String caller, String method, String path, String body, String contentType) {
        RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false)
                .auth().oauth2(callers.get(caller).token());
        if (body != null) {
            request.contentType(contentType + "; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8));
        }
        if (method.equals("POST")) {
            request.header("Idempotency-Key", "corpus-" + UUID.randomUUID());
        }
        return request.request(method, path);
    }

    private Response callBytes(Caller caller, String method, String path, byte[] body) {
        return given().redirects().follow(false).urlEncodingEnabled(false).auth().oauth2(caller.token())
                .header("Idempotency-Key", "corpus-" + UUID.randomUUID())
                .contentType("application/json").body(body).request(method, path);
    }
}
