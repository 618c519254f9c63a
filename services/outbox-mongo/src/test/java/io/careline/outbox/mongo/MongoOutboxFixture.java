package io.careline.outbox.mongo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import io.careline.contracts.EventEnvelope;
import io.careline.contracts.EventType;
import io.careline.contracts.Topics;
import io.careline.outbox.core.BatchPublisher;
import io.careline.outbox.core.OutboxMetrics;
import io.careline.outbox.core.TopicNamespace;
import io.careline.outbox.core.TraceContext;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The relay as a service wires it, against the real Mongo-wire server (a database of these tests' own) and the real
 * broker (test.-prefixed topics). Settings as the services' test profiles: parked after 3 attempts, back-off from
 * 0.2 s, a topic's metadata given up after 1 s.
 */
final class MongoOutboxFixture implements AutoCloseable {

    static final String BOOTSTRAP = "127.0.0.1:9092";
    static final String DATABASE = "careline_outbox_s5h3a";
    static final String TOPIC = "test." + Topics.CUSTOMER;
    static final EventType TESTED = new EventType("OutboxTested", 1, Topics.CUSTOMER);

    final MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:27017/?serverSelectionTimeoutMS=5000");
    final MongoDatabase database = mongo.getDatabase(DATABASE);
    final MongoCollection<Document> customers;
    final MongoCollection<Document> notes;
    final OutboxCollections collections;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final OutboxMetrics metrics = new OutboxMetrics(registry, Tags.of("store", "mongo"));
    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final List<MongoOutboxRelay> relays = new ArrayList<>();
    private int instances;

    /** Two collections carry outboxes, so that one key's events can sit in different documents and collections. */
    MongoOutboxFixture(String name) {
        customers = database.getCollection(name + "_customers");
        notes = database.getCollection(name + "_notes");
        customers.drop();
        notes.drop();
        database.getCollection(RelayLease.COLLECTION).drop();
        database.getCollection(MongoParkedEvents.DISCARDED).drop();
        collections = new OutboxCollections(database, config(Duration.ofSeconds(10)).collections());
    }

    MongoOutboxRelay relay() {
        return relay(BOOTSTRAP, Duration.ofSeconds(10));
    }

    /** A relay (not started) publishing through this bootstrap address, with this lease. */
    MongoOutboxRelay relay(String bootstrap, Duration leaseTtl) {
        MongoOutboxConfig config = config(leaseTtl);
        String name = "outbox-mongo-test-relay-" + ++instances;
        Map<String, Object> kafka = Map.of("bootstrap.servers", bootstrap);
        TopicNamespace topics = () -> java.util.Optional.of("test.");
        MongoOutboxRelay relay = new MongoOutboxRelay(name, collections,
                BatchPublisher.create(name, kafka, config, topics, "outbox-mongo-test", metrics), config, metrics);
        relays.add(relay);
        return relay;
    }

    MongoOutbox writer(MongoOutboxRelay relay) {
        return new MongoOutbox(json, new TraceContext(), relay);
    }

    MongoParkedEvents parked(MongoOutboxRelay relay) {
        return new MongoParkedEvents(collections, relay);
    }

    static EventEnvelope<Map<String, Object>> envelope(String customerId, String run, int seq) {
        return EventEnvelope.of(TESTED, customerId, Instant.now(), Map.of("run", run, "seq", seq));
    }

    /** Events (published or parked) still in the outboxes of both collections. */
    long inOutboxes() {
        long count = 0;
        for (MongoCollection<Document> collection : collections.all()) {
            for (Document document : collection.find()) {
                count += document.getList(OutboxFields.OUTBOX, Document.class, List.of()).size();
            }
        }
        return count;
    }

    /** The outbox entry with this id, wherever it is; null once it left (published or discarded). */
    Document entry(UUID id) {
        for (MongoCollection<Document> collection : collections.all()) {
            for (Document document : collection.find()) {
                for (Document event : document.getList(OutboxFields.OUTBOX, Document.class, List.of())) {
                    if (id.toString().equals(event.getString(OutboxFields.ID))) {
                        return event;
                    }
                }
            }
        }
        return null;
    }

    /** What the outboxes hold (without payloads), for a failure's message. */
    String describe() {
        StringBuilder text = new StringBuilder();
        for (MongoCollection<Document> collection : collections.all()) {
            for (Document document : collection.find(com.mongodb.client.model.Filters.exists(OutboxFields.OUTBOX))) {
                document.getList(OutboxFields.OUTBOX, Document.class, List.of()).forEach(event -> event.remove(OutboxFields.PAYLOAD));
                text.append(collection.getNamespace().getCollectionName()).append(' ').append(document.toJson()).append('\n');
            }
        }
        return text.toString();
    }

    double failedAttempts() {
        return registry.find("careline.outbox.failed.attempts").counters().stream().mapToDouble(c -> c.count()).sum();
    }

    /**
     * Every record of the topic up to its current end whose value mentions the marker, in partition order. Call it
     * once the events left the outboxes: the broker acknowledged them, so they are all there.
     */
    static List<ConsumerRecord<String, String>> recordsMentioning(String topic, String marker) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(topic, record.partition())) && record.value().contains(marker)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static Map<String, List<Integer>> sequencesByKey(List<ConsumerRecord<String, String>> records) {
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            byKey.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Integer.parseInt(record.value().replaceAll(".*\"seq\": ?(\\d+).*", "$1")));
        }
        return byKey;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        relays.forEach(MongoOutboxRelay::stop);
        mongo.close();
    }

    private MongoOutboxConfig config(Duration leaseTtl) {
        return new MongoOutboxConfig() {
            public List<String> collections() {
                return List.of(customers.getNamespace().getCollectionName(), notes.getNamespace().getCollectionName());
            }

            public Duration leaseTtl() {
                return leaseTtl;
            }

            public Duration pollInterval() {
                return Duration.ofMillis(200);
            }

            public int batchSize() {
                return 100;
            }

            public Duration passDeadline() {
                return Duration.ofSeconds(20);
            }

            public int maxAttempts() {
                return 3;
            }

            public Backoff backoff() {
                return new Backoff() {
                    public Duration initial() {
                        return Duration.ofMillis(200);
                    }

                    public Duration max() {
                        return Duration.ofSeconds(2);
                    }
                };
            }

            public Duration metricsRefresh() {
                return Duration.ofSeconds(1);
            }

            public Map<String, String> producer() {
                // an unknown topic or an absent broker fails within 1 s, not 5
                return Map.of("max.block.ms", "1000", "request.timeout.ms", "1000");
            }
        };
    }
}
