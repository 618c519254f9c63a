import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;

/**
 * Reads and writes the Mongo-wire server for bench/ with the driver the notification service uses.
 *
 * <pre>
 * java -cp DRIVER MongoTool.java raw-insert N          N inbox-sized documents, one insertOne at a time, into a scratch
 *                                                      database (dropped after): inserts/s, the raw baseline
 * java -cp DRIVER MongoTool.java count                 messages in careline_notification.inbox_message
 * java -cp DRIVER MongoTool.java wait-count TARGET S   poll that count until TARGET or S seconds: the drain's timeline
 * java -cp DRIVER MongoTool.java commit-latency FILE DEADLINE_EPOCH_MS
 *                                                      FILE: "complaintId receivedAt" lines; waits for their inbox
 *                                                      messages until the deadline, then createdAt - receivedAt
 * </pre>
 * Prints key=value lines.
 */
public class MongoTool {

    public static void main(String[] args) throws Exception {
        try (MongoClient client = MongoClients.create(System.getProperty("mongo", "mongodb://127.0.0.1:27017"))) {
            MongoCollection<Document> inbox = client.getDatabase("careline_notification").getCollection("inbox_message");
            switch (args[0]) {
                case "raw-insert" -> rawInsert(client, Integer.parseInt(args[1]));
                case "count" -> System.out.println("count=" + inbox.countDocuments());
                case "wait-count" -> waitCount(inbox, Long.parseLong(args[1]), Double.parseDouble(args[2]));
                case "commit-latency" -> commitLatency(inbox, Path.of(args[1]), Long.parseLong(args[2]));
                default -> throw new IllegalArgumentException("unknown command " + args[0]);
            }
        }
    }

    /** The consumer's own work for one event, without Kafka or the service: one insert against a unique index. */
    static void rawInsert(MongoClient client, int n) {
        var db = client.getDatabase("careline_bench_" + Long.toString(System.currentTimeMillis(), 36));
        try {
            MongoCollection<Document> messages = db.getCollection("inbox_message");
            messages.createIndex(Indexes.ascending("sourceEventId"), new IndexOptions().unique(true));
            int warm = Math.min(500, n / 5);
            long start = 0;
            for (int i = -warm; i < n; i++) {
                if (i == 0) {
                    start = System.nanoTime();
                }
                messages.insertOne(message());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("inserted=%d%nseconds=%.3f%ninserts_per_s=%.1f%n", n, seconds, n / seconds);
        } finally {
            db.drop();
        }
    }

    static Document message() {
        Instant now = Instant.now();
        String complaint = UUID.randomUUID().toString();
        return new Document("customerId", "C-1001").append("kind", "COMPLAINT_ACKNOWLEDGEMENT")
                .append("title", "We received your complaint CMP-BENCH001")
                .append("body", "Thank you. Your complaint CMP-BENCH001 \"Charged twice\" is registered. You will get a first "
                        + "reply by 25 Nov 2026, 03:19 UTC (within 48 hours).")
                .append("complaintId", complaint).append("complaintReference", "CMP-BENCH001")
                .append("firstReplyDueAt", Date.from(now.plusSeconds(172800))).append("createdAt", Date.from(now))
                .append("readAt", null).append("sourceEventId", UUID.randomUUID().toString());
    }

    /** Polls the count; prints when it first rose and when it reached the target, so the rate excludes start-up. */
    static void waitCount(MongoCollection<Document> inbox, long target, double timeoutSeconds) throws InterruptedException {
        long t0 = System.nanoTime();
        long initial = inbox.countDocuments();
        long last = initial, firstRiseCount = -1;
        double firstRise = -1, lastRise = -1;
        while ((System.nanoTime() - t0) / 1e9 < timeoutSeconds && last < target) {
            Thread.sleep(200);
            long count = inbox.countDocuments();
            double now = (System.nanoTime() - t0) / 1e9;
            if (count > last) {
                if (firstRise < 0) {
                    firstRise = now;
                    firstRiseCount = last; // the count before the rise: the rise began within the last poll
                }
                lastRise = now;
            }
            last = count;
        }
        System.out.printf("initial=%d%nfinal=%d%nreached=%s%n", initial, last, last >= target);
        if (firstRise >= 0 && lastRise > firstRise) {
            System.out.printf("first_rise_s=%.2f%nlast_rise_s=%.2f%nper_s=%.1f%n", firstRise, lastRise,
                    (last - firstRiseCount) / (lastRise - firstRise + 0.2));
        }
    }

    static void commitLatency(MongoCollection<Document> inbox, Path filed, long deadlineEpochMs) throws Exception {
        Map<String, Instant> received = new HashMap<>();
        Instant earliest = Instant.MAX;
        for (String line : Files.readAllLines(filed)) {
            String[] f = line.split(" ");
            if (f.length == 2) {
                Instant at = Instant.parse(f[1]);
                received.put(f[0], at);
                earliest = at.isBefore(earliest) ? at : earliest;
            }
        }
        Map<String, Instant> created = new HashMap<>();
        while (!received.isEmpty()) {
            // one scan of the run's messages per poll (the stand-in has no index on complaintId)
            for (Document d : inbox.find(Filters.gte("createdAt", Date.from(earliest.minusSeconds(1))))
                    .projection(Projections.include("complaintId", "createdAt"))) {
                String id = d.getString("complaintId");
                if (received.containsKey(id)) {
                    created.put(id, d.getDate("createdAt").toInstant());
                }
            }
            if (created.size() == received.size() || System.currentTimeMillis() > deadlineEpochMs) {
                break;
            }
            Thread.sleep(500);
        }
        List<Long> latencies = new ArrayList<>();
        created.forEach((id, at) -> latencies.add(at.toEpochMilli() - received.get(id).toEpochMilli()));
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("filed=%d%nacknowledged=%d%nmissing=%d%n", received.size(), created.size(),
                received.size() - created.size());
        for (int p : new int[] { 50, 90, 99 }) {
            System.out.printf("p%d_ms=%s%n", p, sorted.length == 0 ? "NaN" : Long.toString(at(sorted, p)));
        }
        System.out.printf("max_ms=%s%n", sorted.length == 0 ? "NaN" : Long.toString(sorted[sorted.length - 1]));
    }

    static long at(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
