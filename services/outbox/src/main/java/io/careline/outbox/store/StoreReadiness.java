package io.careline.outbox.store;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Ready when the reactive pool, the one every request uses, reaches PostgreSQL; nothing else (not Kafka: the outbox
 * holds events while it is away; not the JDBC pool, which only serves Flyway at start).
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements AsyncHealthCheck {

    /** Well under Kubernetes' default probe timeout, so a hung store reads as DOWN, not as a probe that failed. */
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Pool pool;

    public StoreReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        return pool.query("SELECT 1").execute()
                .ifNoItem().after(TIMEOUT).fail()
                .map(rows -> HealthCheckResponse.up("PostgreSQL (reactive pool)"))
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named("PostgreSQL (reactive pool)").down()
                        .withData("error", failure.getClass().getSimpleName()).build());
    }
}
