package io.careline.complaint;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The broker cannot be reached (nothing listens on port 1), and the service works on one API request at a time. */
public class KafkaAwayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:1",
                "careline.overload.max-concurrent-requests", "1",
                "careline.overload.retry-after", "2S");
    }
}
