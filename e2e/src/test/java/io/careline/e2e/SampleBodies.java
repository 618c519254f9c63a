package io.careline.e2e;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** A valid body for each write of the authorization table that takes one, by "METHOD /path/{}" (as Row.operation()). */
final class SampleBodies {

    static final String NORTH_CUSTOMER = "C-1001";

    private SampleBodies() {
    }

    /** Fresh each time: event ids and times of their own. */
    static Map<String, String> valid() {
        Map<String, String> bodies = new HashMap<>();
        String now = Instant.now().toString();
        bodies.put("POST /api/v1/me/complaints",
                "{\"category\":\"BILLING\",\"subject\":\"Authorization walk\",\"description\":\"Filed by the authorization walk.\"}");
        bodies.put("POST /api/v1/me/complaints/{}/messages", "{\"body\":\"A message of the authorization walk.\"}");
        bodies.put("POST /api/v1/me/complaints/{}/reopen", "{\"reason\":\"The authorization walk reopens it.\"}");
        bodies.put("POST /api/v1/me/subscriptions/{}/confirm", "{\"code\":\"000000\"}");
        bodies.put("POST /api/v1/complaints", "{\"customerId\":\"" + NORTH_CUSTOMER + "\",\"channel\":\"hotline\","
                + "\"category\":\"NETWORK\",\"subject\":\"Authorization walk\",\"description\":\"Filed by the authorization walk.\"}");
        bodies.put("POST /api/v1/complaints/{}/replies", "{\"body\":\"A reply of the authorization walk.\"}");
        bodies.put("POST /api/v1/complaints/{}/notes", "{\"body\":\"A note of the authorization walk.\"}");
        bodies.put("POST /api/v1/complaints/{}/status", "{\"status\":\"IN_PROGRESS\"}");
        bodies.put("POST /api/v1/complaints/{}/assignment", "{\"team\":\"north\",\"reason\":\"authorization walk\"}");
        bodies.put("POST /api/v1/complaints/{}/override", "{\"priority\":\"HIGH\",\"reason\":\"authorization walk\"}");
        bodies.put("POST /api/v1/complaints/{}/reopen", "{\"reason\":\"authorization walk\"}");
        bodies.put("POST /api/v1/complaints/{}/compensation", "{\"verifiedAmount\":{\"amount\":1.00,\"currency\":\"EUR\"},"
                + "\"evidence\":\"authorization walk\"}");
        bodies.put("POST /api/partner/v1/complaints", "{\"customerId\":\"" + NORTH_CUSTOMER + "\",\"category\":\"BILLING\","
                + "\"subject\":\"Authorization walk\",\"description\":\"Filed by the authorization walk.\"}");
        bodies.put("PUT /api/partner/v1/customers/{}", "{\"displayName\":\"Walk Customer\"}");
        bodies.put("POST /api/partner/v1/claims/{}/documents-collected", "{\"eventId\":\"walk-" + UUID.randomUUID()
                + "\",\"occurredAt\":\"" + now + "\"}");
        bodies.put("POST /api/partner/v1/claims/{}/assessment", "{\"eventId\":\"walk-" + UUID.randomUUID()
                + "\",\"occurredAt\":\"" + now + "\",\"amount\":100.00,\"currency\":\"EUR\"}");
        bodies.put("POST /api/partner/v1/claims/{}/payment", "{\"eventId\":\"walk-" + UUID.randomUUID()
                + "\",\"occurredAt\":\"" + now + "\",\"amount\":100.00,\"currency\":\"EUR\",\"beneficiary\":"
                + "{\"fullName\":\"Walk Beneficiary\",\"dateOfBirth\":\"1950-01-01\",\"relationship\":\"SELF\","
                + "\"region\":\"north\",\"language\":\"en\",\"healthConditions\":[]}}");
        bodies.put("POST /api/partner/v1/claims/{}/rejection", "{\"eventId\":\"walk-" + UUID.randomUUID()
                + "\",\"occurredAt\":\"" + now + "\",\"reason\":\"authorization walk\"}");
        bodies.put("POST /api/v1/care/volunteers", "{\"fullName\":\"Walk Volunteer\",\"kind\":\"PUBLIC\",\"region\":\"north\","
                + "\"languages\":[\"en\"],\"skills\":[\"visits\"]}");
        bodies.put("POST /api/v1/care/group-activities", "{\"title\":\"Walk\",\"place\":\"Town hall\",\"region\":\"north\",\"capacity\":10,"
                + "\"startsAt\":\"" + Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}");
        return bodies;
    }

    /**
     * More valid bodies, for writes the walk calls with {@code {}} (so as not to change the demo customers' profiles
     * and consents): the bad-input corpus builds its wrong bodies from these.
     */
    static Map<String, String> corpusBases() {
        Map<String, String> bodies = valid();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        bodies.put("PATCH /api/v1/me/profile", "{\"displayName\":\"Corpus\",\"locale\":\"en\",\"timezone\":\"Europe/Paris\"}");
        bodies.put("PUT /api/v1/me/consents", "{\"consents\":[{\"purpose\":\"marketing\",\"channel\":\"email\",\"granted\":true}]}");
        bodies.put("PUT /api/v1/customers/{}/consents", bodies.get("PUT /api/v1/me/consents"));
        bodies.put("POST /api/v1/me/subscriptions", "{\"product\":\"market-prices\",\"channel\":\"sms\"}");
        bodies.put("POST /api/v1/me/network-reports", "{\"kind\":\"NO_SIGNAL\",\"latitude\":48.85,\"longitude\":2.35,"
                + "\"occurredAt\":\"" + now + "\"}");
        bodies.put("POST /api/v1/customers", "{\"displayName\":\"Corpus\",\"givenName\":\"Cor\",\"familyName\":\"Pus\","
                + "\"birthday\":\"1980-01-01\",\"locale\":\"en\",\"region\":\"north\"}");
        bodies.put("PUT /api/v1/customers/{}/legal-hold", "{\"active\":false,\"reason\":\"corpus\"}");
        bodies.put("POST /api/partner/v1/claims", "{\"eventId\":\"corpus-" + UUID.randomUUID() + "\",\"claimRef\":\"CORPUS-1\","
                + "\"customerId\":\"" + NORTH_CUSTOMER + "\",\"occurredAt\":\"" + now + "\",\"greenChannel\":false}");
        bodies.put("POST /api/v1/complaints/bulk-reassign", "{\"ids\":[\"" + UUID.randomUUID() + "\"],\"team\":\"south\"}");
        bodies.put("POST /api/v1/draws/verify", "{\"seed\":\"abc\",\"eligible\":[\"C-1001\"],\"winners\":1}");
        bodies.put("PUT /api/v1/complaints/sla/policies/{}", "{\"name\":\"Corpus\",\"channel\":\"KIOSK\","
                + "\"firstReplyTarget\":\"PT24H\",\"resolutionTarget\":\"PT120H\"}");
        bodies.put("PUT /api/v1/care/volunteers/{}", bodies.get("POST /api/v1/care/volunteers"));
        bodies.put("PUT /api/v1/care/beneficiaries/{}/plan", "{\"cadenceDays\":14}");
        return bodies;
    }
}
