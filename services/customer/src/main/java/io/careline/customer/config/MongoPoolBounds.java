package io.careline.customer.config;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.MongoClientSettings;

import io.quarkus.mongodb.runtime.MongoClientCustomizer;

/**
 * The wait-queue timeout, which has no quarkus.mongodb key. Set here rather than as waitQueueTimeoutMS in the
 * connection string, so that a deployment replacing the connection string (QUARKUS_MONGODB_CONNECTION_STRING) keeps it.
 */
@ApplicationScoped
public class MongoPoolBounds implements MongoClientCustomizer {

    private final CustomerConfig config;

    public MongoPoolBounds(CustomerConfig config) {
        this.config = config;
    }

    @Override
    public MongoClientSettings.Builder customize(MongoClientSettings.Builder builder) {
        return builder.applyToConnectionPoolSettings(
                pool -> pool.maxWaitTime(config.mongodb().waitQueueTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }
}
