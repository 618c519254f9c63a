package io.careline.customer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The tests' MongoDB: the same Mongo-wire server as the local stack's (mongo-java-server over an H2 file), started
 * in-process on a free port with a new file for every run. So each run starts from an empty database (a unique index
 * or a customer left by an earlier run cannot hide a bug) and never touches the demo data on 27017. The test topics
 * outlive it, though, so each start also issues customer ids from a number of its own: events an earlier test class
 * published about its C-100001 must not land in this one's timeline.
 */
public class InProcessMongo implements QuarkusTestResourceLifecycleManager {

    private MongoServer server;
    private Path file;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "mongo-wire"));
            file = Files.createTempFile(dir, "customer-test-", ".mv");
            Files.delete(file); // H2 makes a new store where there is none
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            server = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
            server.bind("127.0.0.1", port);
            long firstId = 100_001 + System.currentTimeMillis() % 1_000_000_000L;
            return Map.of("quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + port,
                    "careline.customer.ids.first", Long.toString(firstId));
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the in-process Mongo-wire server", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdownNow();
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover file in target/ harms nothing: the next run makes a new one
            }
        }
    }
}
