package io.careline.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;

/**
 * The topic prefix as SmallRye Config expands it: nothing unless set (so production reads the real topics), "test."
 * in the test profile, whatever an environment sets (CARELINE_KAFKA_TOPIC_PREFIX).
 */
class KafkaNamesTest {

    private static final String TOPIC = "mp.messaging.incoming.complaint-events.topic";
    private static final String GROUP = "mp.messaging.incoming.complaint-events.group.id";
    private static final String DLQ = "mp.messaging.incoming.complaint-events.dead-letter-queue.topic";

    @Test
    void productionUsesThePlainNames() throws IOException {
        SmallRyeConfig config = config("prod");

        assertThat(config.getValue(TOPIC, String.class)).isEqualTo("careline.complaint.v1");
        assertThat(config.getValue(GROUP, String.class)).isEqualTo("notification");
        assertThat(config.getValue(DLQ, String.class)).isEqualTo("careline.notification.dlq");
    }

    @Test
    void testsUseTheirOwnTopicsAndGroup() throws IOException {
        SmallRyeConfig config = config("test");

        assertThat(config.getValue(TOPIC, String.class)).isEqualTo("test.careline.complaint.v1");
        assertThat(config.getValue(GROUP, String.class)).isEqualTo("test.notification");
        assertThat(config.getValue(DLQ, String.class)).isEqualTo("test.careline.notification.dlq");
    }

    private static SmallRyeConfig config(String profile) throws IOException {
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(KafkaNamesTest.class.getResource("/application.properties"), 250))
                .build();
    }
}
