package io.careline.customer;

import static com.mongodb.client.model.Filters.eq;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import io.careline.customer.repository.CustomerRepository;

/**
 * What the service published to test.careline.customer.v1, read back by a consumer of the tests' own (no group, every
 * partition, from the moment this JVM started: earlier runs' records and other modules' tests sharing the topic are
 * left out by time and by key). A read first waits until the customer's outbox is empty (the relay published and pulled
 * everything), then reads the topic up to its end: so "nothing" and "exactly one" are answers, not timings.
 */
final class CustomerTopic {

    static final String TOPIC = "test.careline.customer.v1";
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as it arrived: its key, its CloudEvents type header and the envelope. */
    record Published(String key, String ceType, JsonNode envelope) {

        String type() {
            return envelope.path("type").asText();
        }
    }

    private static KafkaConsumer<String, String> consumer;
    private static final List<Published> RECEIVED = new ArrayList<>();

    private CustomerTopic() {
    }

    /** Every record keyed by this customer published so far, in the order of its partition. */
    static synchronized List<Published> published(CustomerRepository repository, String customerId) {
        awaitOutboxEmpty(repository, customerId);
        readToEnd();
        return RECEIVED.stream().filter(record -> customerId.equals(record.key())).toList();
    }

    /** The envelopes of this customer's published events of this type, oldest first. */
    static List<JsonNode> events(CustomerRepository repository, String customerId, String type) {
        return published(repository, customerId).stream().filter(record -> record.type().equals(type))
                .map(Published::envelope).toList();
    }

    /** The events waiting in the customer's document (the outbox entries' envelopes), without waiting. */
    static List<JsonNode> waiting(CustomerRepository repository, String customerId) {
        return outbox(repository, customerId).stream().map(entry -> parse(entry.getString("payload"))).toList();
    }

    private static List<Document> outbox(CustomerRepository repository, String customerId) {
        Document stored = repository.mongoCollection().withDocumentClass(Document.class).find(eq("_id", customerId))
                .collect().first().await().atMost(Duration.ofSeconds(10));
        return stored == null ? List.of() : stored.getList("outbox", Document.class, List.of());
    }

    private static void awaitOutboxEmpty(CustomerRepository repository, String customerId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<Document> left = outbox(repository, customerId);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events of " + customerId + " still in the outbox after " + PATIENCE + ": " + left);
            }
            sleep(50);
            left = outbox(repository, customerId);
        }
    }

    private static void readToEnd() {
        KafkaConsumer<String, String> reader = consumer();
        Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (end.entrySet().stream().anyMatch(partition -> reader.position(partition.getKey()) < partition.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + TOPIC + " to its end within " + PATIENCE);
            }
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                Header type = record.headers().lastHeader("ce_type");
                RECEIVED.add(new Published(record.key(), type == null ? null : new String(type.value(), StandardCharsets.UTF_8),
                        readable(record.value())));
            }
        }
    }

    private static KafkaConsumer<String, String> consumer() {
        if (consumer == null) {
            Properties properties = new Properties();
            properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
            properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "customer-tests-" + UUID.randomUUID());
            properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            KafkaConsumer<String, String> created = new KafkaConsumer<>(properties);
            List<TopicPartition> partitions = created.partitionsFor(TOPIC).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            created.assign(partitions);
            // records are stamped when the relay sends them: everything this run published came after the JVM started
            long since = ManagementFactory.getRuntimeMXBean().getStartTime();
            Map<TopicPartition, OffsetAndTimestamp> from = created.offsetsForTimes(
                    partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> since)));
            Map<TopicPartition, Long> end = created.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = from.get(partition);
                created.seek(partition, offset == null ? end.get(partition) : offset.offset());
            }
            consumer = created;
        }
        return consumer;
    }

    /**
     * Other modules' tests share the topic and some send junk on purpose (a consumer's dead-letter test): kept as text,
     * so it matches no event type, instead of stopping every read.
     */
    private static JsonNode readable(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            return TextNode.valueOf(value);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
