import java.util.List;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * Drops databases on a MongoDB (or the local Mongo-wire server), so a test run starts from fresh ones.
 * The driver comes from a built service's libraries.
 *
 * Run: java -cp 'services/notification/target/quarkus-app/lib/main/*' DropDatabases.java <connection-string> <database>...
 */
public class DropDatabases {
    public static void main(String[] args) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(args[0]))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            for (String database : List.of(args).subList(1, args.length)) {
                client.getDatabase(database).drop();
            }
        }
        System.out.println("dropped " + List.of(args).subList(1, args.length));
    }
}
