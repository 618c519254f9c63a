package io.careline.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.impl.NoStackTraceThrowable;

class StoreFailuresTest {

    @Test
    void anUnreachableOrOverloadedStoreIsUnavailable() {
        assertThat(StoreFailures.unavailable(new CompletionException(new ConnectException("Connection refused")))).isTrue();
        assertThat(StoreFailures.unavailable(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(StoreFailures.unavailable(new SQLException("connection failure", "08006"))).isTrue();
        assertThat(StoreFailures.unavailable(new VertxException("Timeout waiting for connection", true))).isTrue();
        assertThat(StoreFailures.unavailable(new ConnectionPoolTooBusyException("max wait queue size reached"))).isTrue();
        // what a request waiting for a connection gets when the pool's acquire timeout passes (seen in bench/ overload)
        assertThat(StoreFailures.unavailable(new CompletionException(new NoStackTraceThrowable("Timeout")))).isTrue();
    }

    @Test
    void aBugOrABadStatementIsNot() {
        assertThat(StoreFailures.unavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(StoreFailures.unavailable(new IllegalStateException("boom", new NullPointerException()))).isFalse();
        assertThat(StoreFailures.unavailable(new VertxException("Timeout"))).isFalse();
    }
}
