package io.careline.outbox.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The relay's Kafka producer settings and the check that they fit the relay's pass deadline. Kept apart from the
 * relay so the check is a plain function, tested without a broker.
 */
public final class ProducerSettings {

    /**
     * What the relay's guarantees rest on, and timeouts short enough that a broker outage surfaces within a pass.
     * linger.ms and batch.size were chosen by measurement (see the README).
     */
    public static final Map<String, String> DEFAULTS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5",
            ProducerConfig.LINGER_MS_CONFIG, "5",
            ProducerConfig.BATCH_SIZE_CONFIG, "131072",
            ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000",
            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");

    private ProducerSettings() {
    }

    /**
     * The service's Kafka settings (only those a producer knows, so Kafka logs no "unused" warnings), then the
     * relay's defaults, then the relay's own overrides.
     */
    public static Map<String, Object> of(Map<String, Object> service, Map<String, String> overrides, String clientId) {
        Set<String> known = ProducerConfig.configNames();
        Map<String, Object> properties = new HashMap<>();
        service.forEach((key, value) -> {
            if (known.contains(key)) {
                properties.put(key, value);
            }
        });
        properties.putAll(DEFAULTS);
        properties.putAll(overrides);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return properties;
    }

    /** Every reason these settings cannot keep the relay's promises; empty when they can. */
    public static List<String> problems(Map<String, Object> producer, RelayConfig config) {
        List<String> problems = new ArrayList<>();
        String acks = String.valueOf(producer.get(ProducerConfig.ACKS_CONFIG));
        if (!acks.equals("all") && !acks.equals("-1")) {
            problems.add("acks must be all (an event is marked published only once every in-sync replica has it), not " + acks);
        }
        if (!Boolean.parseBoolean(String.valueOf(producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)))) {
            problems.add("enable.idempotence must be true: pipelined sends keep their order per partition only then");
        }
        long inFlight = millis(producer, ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
        if (inFlight < 1 || inFlight > 5) {
            problems.add("max.in.flight.requests.per.connection must be 1 to 5 for the idempotent producer to keep order, not " + inFlight);
        }
        long linger = millis(producer, ProducerConfig.LINGER_MS_CONFIG);
        long request = millis(producer, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        long delivery = millis(producer, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        long block = millis(producer, ProducerConfig.MAX_BLOCK_MS_CONFIG);
        if (delivery < linger + request) {
            problems.add("delivery.timeout.ms (" + delivery + ") must be at least linger.ms + request.timeout.ms (" + (linger + request) + ")");
        }
        long deadline = config.passDeadline().toMillis();
        if (deadline <= block + delivery) {
            problems.add("careline.outbox.pass-deadline (" + deadline + " ms) must exceed max.block.ms + delivery.timeout.ms ("
                    + (block + delivery) + " ms): a pass could otherwise end while the producer may still deliver its events");
        }
        if (config.batchSize() < 1 || config.batchSize() > 10_000) {
            problems.add("careline.outbox.batch-size must be 1 to 10000, not " + config.batchSize());
        }
        if (config.maxAttempts() < 1) {
            problems.add("careline.outbox.max-attempts must be at least 1, not " + config.maxAttempts());
        }
        if (config.backoff().initial().isNegative() || config.backoff().initial().isZero()
                || config.backoff().max().compareTo(config.backoff().initial()) < 0) {
            problems.add("careline.outbox.backoff: initial must be positive and max at least initial");
        }
        return problems;
    }

    /** How long the relay may go on handing events to the producer in a pass: what is left for their delivery. */
    public static Duration sendWindow(Map<String, Object> producer, RelayConfig config) {
        return config.passDeadline().minusMillis(millis(producer, ProducerConfig.MAX_BLOCK_MS_CONFIG)
                + millis(producer, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
    }

    public static long millis(Map<String, Object> producer, String key) {
        Object value = producer.get(key);
        if (value == null) {
            value = ProducerConfig.configDef().defaultValues().get(key);
        }
        return Long.parseLong(String.valueOf(value).trim());
    }
}
