import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates Kafka topics for ./careline in one JVM (TopicCommand starts one JVM per topic).
 * {@code recreate} deletes them first and waits until they are gone, so a test run starts from empty topics
 * whatever an earlier run or the local stack left behind.
 *
 * Run: java -cp 'kafka/*' Topics.java create|recreate <bootstrap> <partitions> <topic>...
 */
public class Topics {
    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !Set.of("create", "recreate").contains(args[0])) {
            System.err.println("usage: Topics create|recreate <bootstrap> <partitions> <topic>...");
            System.exit(2);
        }
        boolean recreate = args[0].equals("recreate");
        int partitions = Integer.parseInt(args[2]);
        List<String> topics = List.of(args).subList(3, args.length);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1],
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000))) {
            if (recreate) {
                Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
                List<String> doomed = topics.stream().filter(existing::contains).toList();
                if (!doomed.isEmpty()) {
                    admin.deleteTopics(doomed).all().get(30, TimeUnit.SECONDS);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().anyMatch(doomed::contains)) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("topics still being deleted after 60 s: " + doomed);
                        }
                        Thread.sleep(200);
                    }
                }
            }
            List<String> created = new ArrayList<>();
            for (String topic : topics) {
                // a deleted topic can take a moment to leave the controller's metadata: retry while it says "exists"
                for (int attempt = 0; ; attempt++) {
                    try {
                        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
                        created.add(topic);
                        break;
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                        if (!recreate || attempt >= 50) {
                            break; // create: it is there already, which is what we want
                        }
                        Thread.sleep(200);
                    }
                }
            }
            System.out.println((recreate ? "recreated " : "created ") + created + " of " + topics);
        }
    }
}
