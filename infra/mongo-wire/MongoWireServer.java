import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The local stand-in for MongoDB: mongo-java-server speaking the wire protocol over an H2 file.
 * It has no sessions or multi-document transactions, so the services never rely on them
 * (which keeps them correct on the real replica set they run against in Kubernetes).
 *
 * Run: java -cp 'lib/*' MongoWireServer.java <host> <port> <data-file>
 */
public class MongoWireServer {
    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        Path dataFile = Path.of(args.length > 2 ? args[2] : "mongo-wire.mv");
        Files.createDirectories(dataFile.toAbsolutePath().getParent());

        H2Backend backend = new H2Backend(dataFile.toString());
        MongoServer server = new MongoServer(backend);
        server.enableOplog(); // change streams need it
        server.bind(host, port);
        System.out.println("mongo-wire listening on " + host + ":" + port + " (data: " + dataFile + ")");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown(); // flushes the H2 store
            stopped.countDown();
        }));
        stopped.await();
    }
}
