package io.careline.complaint;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Requests reach for a PostgreSQL that is not there (nothing listens on port 1); Flyway still migrates over JDBC. */
public class StoreAwayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // the profiled key, so it wins over %test values given by the environment
        return Map.of("%test.quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/careline_complaint_test");
    }
}
