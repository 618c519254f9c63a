package io.careline.notification.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.mongodb.MongoClientSettings;

class MongoPoolBoundsTest {

    @Test
    void aRequestWaitsForAPooledConnectionOnlyAsLongAsConfigured() {
        NotificationConfig config = new NotificationConfig() {
            @Override
            public Retry retry() {
                throw new UnsupportedOperationException();
            }

            @Override
            public Mongo mongodb() {
                return () -> Duration.ofMillis(750);
            }
        };

        MongoClientSettings settings = new MongoPoolBounds(config).customize(MongoClientSettings.builder()).build();

        assertThat(settings.getConnectionPoolSettings().getMaxWaitTime(TimeUnit.MILLISECONDS)).isEqualTo(750);
    }
}
