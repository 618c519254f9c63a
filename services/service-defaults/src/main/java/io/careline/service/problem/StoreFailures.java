package io.careline.service.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a store that cannot be reached right now (worth a retry: 503) from a bug (500). The drivers' types are
 * matched by name, because this module serves PostgreSQL and MongoDB services alike and depends on neither driver.
 */
public final class StoreFailures {

    private static final Set<String> UNAVAILABLE_TYPES = Set.of(
            "io.vertx.sqlclient.ClosedConnectionException", // PostgreSQL closed the connection (restart, failover)
            "io.vertx.core.http.ConnectionPoolTooBusyException", // a pool's wait queue is full
            "io.vertx.core.http.HttpClosedException",
            "com.mongodb.MongoTimeoutException", // no server selected or no pooled connection within the timeout
            "com.mongodb.MongoSocketException", // open, read, write and closed failures
            "com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException");
    /** The reactive PostgreSQL pool's acquire timeout: a shared VertxException told apart only by its message. */
    private static final String POOL_ACQUIRE_TIMEOUT = "Timeout waiting for connection";
    /** The same timeout as the pool reports it to a waiting request: Vert.x's bare "Timeout", seen under overload. */
    private static final String VERTX_TIMEOUT_TYPE = "io.vertx.core.impl.NoStackTraceThrowable";
    private static final String VERTX_TIMEOUT = "Timeout";
    /** A write that lost an optimistic-locking race (JPA's and Hibernate's names for it). */
    private static final Set<String> STALE_TYPES = Set.of("org.hibernate.StaleStateException",
            "jakarta.persistence.OptimisticLockException");
    private static final int MAX_DEPTH = 16;

    private StoreFailures() {
    }

    /** A concurrent writer changed the row since it was read: the caller should read it again (409). */
    public static boolean stale(Throwable failure) {
        return anyCause(failure, STALE_TYPES);
    }

    private static boolean anyCause(Throwable failure, Set<String> names) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
                if (names.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean unavailable(Throwable failure) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++, current = current.getCause()) {
            if (current instanceof ConnectException) {
                return true;
            }
            if (current instanceof SQLException sql && unavailableState(sql.getSQLState())) {
                return true;
            }
            if (POOL_ACQUIRE_TIMEOUT.equals(current.getMessage())) {
                return true;
            }
            if (VERTX_TIMEOUT_TYPE.equals(current.getClass().getName()) && VERTX_TIMEOUT.equals(current.getMessage())) {
                return true;
            }
            for (Class<?> type = current.getClass(); type != null; type = type.getSuperclass()) {
                if (UNAVAILABLE_TYPES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** 08: connection exceptions; 57P01-57P03: the server is shutting down or starting; 53300: too many connections. */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("53300"));
    }
}
