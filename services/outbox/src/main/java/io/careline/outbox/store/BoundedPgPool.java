package io.careline.outbox.store;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;

/**
 * The reactive PostgreSQL pool Quarkus configures (quarkus.datasource.reactive.*), with the bounds Quarkus has no
 * key for: the wait queue and the acquire timeout ({@link StorePoolConfig}). A request past them fails fast and
 * the problem mapper answers 503 with Retry-After.
 */
@Singleton
public class BoundedPgPool implements PgPoolCreator {

    private final StorePoolConfig config;

    public BoundedPgPool(StorePoolConfig config) {
        this.config = config;
    }

    @Override
    public Pool create(Input input) {
        input.poolOptions()
                .setMaxWaitQueueSize(config.maxWaitQueueSize())
                .setConnectionTimeout((int) config.acquireTimeout().toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(List.<SqlConnectOptions> copyOf(input.pgConnectOptionsList()))
                .using(input.vertx())
                .build();
    }
}
