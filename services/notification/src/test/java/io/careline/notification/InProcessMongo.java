package io.careline.notification;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The tests' MongoDB: the same Mongo-wire server as the local stack's (mongo-java-server over an H2 file), started
 * in-process on a free port with a new file for every run. So each run starts from an empty database (an index
 * left by an earlier run cannot hide a missing one), never touches the demo data on 27017, and a test can take the
 * store away and bring it back on the same port with the same data ({@link Handle}).
 */
public class InProcessMongo implements QuarkusTestResourceLifecycleManager {

    /** Marks a test's {@link Handle} field, filled in before the test runs. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Inject {
    }

    private Handle handle;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "mongo-wire"));
            Path file = Files.createTempFile(dir, "notification-test-", ".mv");
            Files.delete(file); // H2 makes a new store where there is none
            handle = new Handle(freePort(), file.toAbsolutePath());
            handle.start();
            return Map.of("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + handle.port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the in-process Mongo-wire server", e);
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(handle, new TestInjector.AnnotatedAndMatchesType(Inject.class, Handle.class));
    }

    @Override
    public void stop() {
        if (handle != null) {
            handle.stop();
            try {
                Files.deleteIfExists(handle.file);
            } catch (IOException e) {
                // a leftover file in target/ harms nothing: the next run makes a new one
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The running server: stop it (an outage) and start it again on the same port with the same data file. */
    public static final class Handle {

        private final int port;
        private final Path file;
        private MongoServer server;

        Handle(int port, Path file) {
            this.port = port;
            this.file = file;
        }

        public synchronized void start() {
            if (server == null) {
                MongoServer started = new MongoServer(new H2Backend(file.toString()));
                started.bind("127.0.0.1", port);
                server = started;
            }
        }

        /** Closes every client connection and the H2 store, as a crashed or stopped mongod would. */
        public synchronized void stop() {
            if (server != null) {
                server.shutdownNow();
                server = null;
            }
        }
    }
}
