import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw Kafka end-to-end latency at a fixed arrival rate, the baseline of commit → inbox: records sent on schedule
 * (acks=all, idempotent, one key like one customer's events), latency from the intended send time to the moment a
 * consumer in this JVM sees the record. Uses a scratch topic with the same partition count, deleted afterwards.
 *
 * <pre>java -cp KAFKA_JARS KafkaTool.java e2e RATE SECONDS RECORD_BYTES PARTITIONS</pre>
 * Prints key=value lines.
 */
public class KafkaTool {

    static final String BOOTSTRAP = System.getProperty("bootstrap", "127.0.0.1:9092");

    public static void main(String[] args) throws Exception {
        if (!args[0].equals("e2e")) {
            throw new IllegalArgumentException("unknown command " + args[0]);
        }
        double rate = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int size = Math.max(8, Integer.parseInt(args[3]));
        int partitions = Integer.parseInt(args[4]);
        String topic = "bench.e2e." + Long.toString(System.currentTimeMillis(), 36);

        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            try {
                e2e(topic, partitions, rate, seconds, size);
            } finally {
                admin.deleteTopics(Set.of(topic)).all().get();
            }
        }
    }

    static void e2e(String topic, int partitions, double rate, double seconds, int size) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", BOOTSTRAP);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        Properties c = new Properties();
        c.put("bootstrap.servers", BOOTSTRAP);
        c.put("enable.auto.commit", "false");

        int total = (int) Math.round(rate * seconds);
        long intervalNs = (long) (1e9 / rate);
        AtomicLongArray intended = new AtomicLongArray(total); // written by the sender, read by this thread
        long[] latency = new long[total];
        Arrays.fill(latency, -1);

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> all = new ArrayList<>();
            for (int i = 0; i < partitions; i++) {
                all.add(new TopicPartition(topic, i));
            }
            consumer.assign(all);
            consumer.seekToEnd(all);
            all.forEach(consumer::position); // resolve the offsets before the first record is sent
            // warm the producer's connection and metadata, outside the measurement
            producer.send(new ProducerRecord<>(topic, "warm-up", new byte[size])).get();
            consumer.poll(Duration.ofMillis(500));

            Thread sender = new Thread(() -> {
                long start = System.nanoTime() + 20_000_000L;
                for (int i = 0; i < total; i++) {
                    long at = start + i * intervalNs;
                    long wait;
                    while ((wait = at - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    intended.set(i, at);
                    byte[] value = new byte[size];
                    ByteBuffer.wrap(value).putInt(i);
                    producer.send(new ProducerRecord<>(topic, "C-1001", value));
                }
            });
            sender.start();
            int seen = 0;
            long giveUp = System.nanoTime() + (long) ((seconds + 15) * 1e9);
            while (seen < total && System.nanoTime() < giveUp) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    if (r.key() != null && r.key().equals("C-1001")) {
                        int i = ByteBuffer.wrap(r.value()).getInt();
                        latency[i] = System.nanoTime() - intended.get(i);
                        seen++;
                    }
                }
            }
            sender.join();
        }
        long[] sorted = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("sent=%d%nreceived=%d%n", total, sorted.length);
        for (int pct : new int[] { 50, 90, 99 }) {
            System.out.printf("p%d_ms=%.1f%n", pct, sorted.length == 0 ? Double.NaN : at(sorted, pct) / 1e6);
        }
        System.out.printf("max_ms=%.1f%n", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
    }

    static long at(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
