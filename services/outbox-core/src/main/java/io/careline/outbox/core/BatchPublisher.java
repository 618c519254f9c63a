package io.careline.outbox.core;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The sending half of every relay, whatever store the events come from: it hands a batch to a Kafka producer of its
 * own without waiting for each acknowledgement (the idempotent producer keeps their order per partition), waits for
 * the acknowledgements, and says what became of each event: published, failed and to be tried again after a back-off,
 * or parked. Once an event of a key is refused before it leaves, the later events of that key in the batch are not
 * sent (they stay pending, in order); once a topic's metadata times out, the batch stops waiting on that topic. When
 * nothing was delivered, every failure was retryable and the cluster does not answer either, it is an outage: the
 * events keep their attempts and the relay as a whole backs off.
 *
 * <p>Used from the relay's one thread only.
 */
public final class BatchPublisher {

    private static final Logger LOG = Logger.getLogger(BatchPublisher.class);
    private static final int ERROR_LENGTH = 1000;

    /** An event not published: its error (shortened), and whether it is parked, or tried again after the delay. */
    public record Failure(PendingEvent event, Throwable cause, String error, boolean park, long delayMillis) {
    }

    /**
     * What became of a batch. Events in neither list were not sent (held back behind a failed one of their key, or
     * past the pass's send window) and stay pending as they were. {@code pauseMillis} is positive on an outage: then
     * {@code failures} is empty and the relay waits that long before its next pass.
     */
    public record Outcome(List<PendingEvent> published, List<Failure> failures, long pauseMillis) {

        public boolean outage() {
            return pauseMillis > 0;
        }
    }

    private final String name;
    private final Map<String, Object> producerSettings;
    private final Map<String, Object> adminSettings;
    private final RelayConfig config;
    private final TopicNamespace topics;
    private final String source;
    private final OutboxMetrics metrics;
    private final RetryPolicy retry;
    private final Duration sendWindow;

    private Producer<String, String> producer;
    private Admin admin;
    private int outages;

    private BatchPublisher(String name, Map<String, Object> producerSettings, Map<String, Object> adminSettings,
            RelayConfig config, TopicNamespace topics, String source, OutboxMetrics metrics) {
        this.name = name;
        this.producerSettings = producerSettings;
        this.adminSettings = adminSettings;
        this.config = config;
        this.topics = topics;
        this.source = source;
        this.metrics = metrics;
        this.retry = new RetryPolicy(config.maxAttempts(), config.backoff().initial(), config.backoff().max());
        this.sendWindow = ProducerSettings.sendWindow(producerSettings, config);
    }

    /**
     * A publisher with the service's Kafka settings ({@code kafka.*}), the relay's defaults and
     * {@code careline.outbox.producer.*}; it fails when they cannot keep the relay's promises.
     *
     * @param name the relay's name, its producer's client id
     * @param application the service's name: records carry {@code ce_source = /careline/<application>}
     */
    public static BatchPublisher create(String name, Map<String, Object> kafka, RelayConfig config, TopicNamespace topics,
            String application, OutboxMetrics metrics) {
        Map<String, Object> producer = ProducerSettings.of(kafka, config.producer(), name);
        List<String> problems = ProducerSettings.problems(producer, config);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the outbox relay's settings are inconsistent: " + String.join("; ", problems));
        }
        Map<String, Object> admin = new HashMap<>();
        producer.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key) && !key.equals(ProducerConfig.CLIENT_ID_CONFIG)) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, name + "-probe");
        return new BatchPublisher(name, producer, admin, config, topics, "/careline/" + application, metrics);
    }

    /**
     * Sends the batch (in its order), waits for the acknowledgements until the pass deadline and classifies each event.
     *
     * @param started when the pass began (System.nanoTime): the send window and the deadline count from it
     * @param mayGoOn false once the relay must send nothing more (stopping, or no longer the one relay)
     */
    public Outcome publish(List<PendingEvent> batch, long started, BooleanSupplier mayGoOn) {
        Map<PendingEvent, CompletableFuture<RecordMetadata>> sent = new LinkedHashMap<>();
        Map<PendingEvent, Throwable> failed = new LinkedHashMap<>();
        Set<String> heldKeys = new HashSet<>();
        Map<String, Throwable> heldTopics = new HashMap<>();
        for (PendingEvent event : batch) {
            if (!mayGoOn.getAsBoolean() || System.nanoTime() - started > sendWindow.toNanos()) {
                break; // the rest waits for the next pass
            }
            if (heldKeys.contains(event.key())) {
                continue; // an earlier event of this key failed in this pass: the later ones must not overtake it
            }
            Throwable topicFailure = heldTopics.get(event.topic());
            if (topicFailure != null) {
                failed.put(event, topicFailure);
                heldKeys.add(event.key());
                continue;
            }
            CompletableFuture<RecordMetadata> ack = send(event);
            if (ack.isCompletedExceptionally()) {
                // refused before it left (too large, or no metadata for its topic within max.block.ms)
                Throwable failure = failureOf(ack);
                failed.put(event, failure);
                heldKeys.add(event.key());
                if (failure instanceof TimeoutException) {
                    heldTopics.put(event.topic(), failure); // don't block max.block.ms again for each event
                }
            } else {
                sent.put(event, ack);
            }
        }
        awaitAcknowledgements(sent.values(), started);

        List<PendingEvent> published = new ArrayList<>();
        boolean unsettled = false;
        for (Map.Entry<PendingEvent, CompletableFuture<RecordMetadata>> entry : sent.entrySet()) {
            CompletableFuture<RecordMetadata> ack = entry.getValue();
            if (!ack.isDone()) {
                unsettled = true;
            } else if (ack.isCompletedExceptionally()) {
                failed.put(entry.getKey(), failureOf(ack));
            } else {
                published.add(entry.getKey());
            }
        }
        if (unsettled) {
            // cannot happen while the startup check holds; a fresh producer makes sure a late delivery of these events
            // cannot overtake their next attempt
            LOG.warnf("%s: some events were neither acknowledged nor failed at the pass deadline; they will be sent again", name);
            closeProducer(Duration.ZERO);
        }
        return classify(published, failed);
    }

    private Outcome classify(List<PendingEvent> published, Map<PendingEvent, Throwable> failed) {
        if (failed.isEmpty()) {
            outages = 0;
            return new Outcome(published, List.of(), 0);
        }
        failed.values().forEach(metrics::failedAttempt);
        if (published.isEmpty() && failed.values().stream().noneMatch(RetryPolicy::permanent) && !brokerAnswers()) {
            // a broker outage is not the events' fault: they keep their attempts, and the whole relay waits instead
            long delay = retry.delayMillis(++outages, ThreadLocalRandom.current().nextDouble());
            if (outages == 1) {
                LOG.warnf("%s: Kafka does not answer; %d events wait in the outbox, the relay tries again with back-off",
                        name, failed.size());
            }
            return new Outcome(published, List.of(), Math.max(delay, 1));
        }
        outages = 0;
        List<Failure> failures = new ArrayList<>(failed.size());
        for (Map.Entry<PendingEvent, Throwable> entry : failed.entrySet()) {
            PendingEvent event = entry.getKey();
            Throwable failure = entry.getValue();
            int attempts = event.attempts() + 1;
            String error = failure.getClass().getName() + ": " + failure.getMessage();
            error = error.length() > ERROR_LENGTH ? error.substring(0, ERROR_LENGTH) : error;
            boolean park = retry.park(attempts, failure);
            if (park) {
                LOG.warnf("outbox event %s (key %s) parked after %d attempt(s): %s; the later events of its key wait for an operator",
                        event.id(), event.key(), attempts, error);
            }
            failures.add(new Failure(event, failure, error, park,
                    retry.delayMillis(attempts, ThreadLocalRandom.current().nextDouble())));
        }
        Failure first = failures.get(0);
        if (!first.park() || failures.size() > 1) {
            LOG.infof("%s: %d event(s) not published this pass, to be tried again after a back-off or parked (first %s: %s)",
                    name, failures.size(), first.event().id(), first.cause().toString());
        }
        return new Outcome(published, failures, 0);
    }

    /** Closes the producer and the probe; the next batch opens fresh ones. */
    public void close(Duration timeout) {
        closeProducer(timeout);
        if (admin != null) {
            admin.close(timeout);
            admin = null;
        }
    }

    private CompletableFuture<RecordMetadata> send(PendingEvent event) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        ProducerRecord<String, String> record = new ProducerRecord<>(topics.topic(event.topic()), null, event.key(),
                event.payload(), headers(event));
        try {
            producer().send(record, (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(metadata);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private void awaitAcknowledgements(Collection<CompletableFuture<RecordMetadata>> acks, long started) {
        long left = config.passDeadline().toNanos() - (System.nanoTime() - started);
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(Math.max(left, 0), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            // each event's own outcome is read afterwards
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable failureOf(CompletableFuture<?> ack) {
        try {
            ack.join();
            throw new IllegalStateException("not a failed acknowledgement");
        } catch (CompletionException e) {
            return e.getCause() == null ? e : e.getCause();
        }
    }

    /**
     * CloudEvents' Kafka binding in binary mode: attributes as ce_ headers, the envelope as the value, untouched; and
     * the writer's trace context, when it had one.
     */
    private Headers headers(PendingEvent event) {
        Headers headers = new RecordHeaders();
        headers.add("ce_specversion", utf8("1.0"));
        headers.add("ce_id", utf8(event.id().toString()));
        headers.add("ce_type", utf8(event.type()));
        headers.add("ce_source", utf8(source));
        headers.add("ce_subject", utf8(event.key()));
        headers.add("ce_time", utf8(DateTimeFormatter.ISO_INSTANT.format(event.occurredAt())));
        headers.add("content-type", utf8("application/json"));
        if (event.traceparent() != null) {
            headers.add("traceparent", utf8(event.traceparent()));
        }
        return headers;
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private boolean brokerAnswers() {
        try {
            if (admin == null) {
                admin = Admin.create(adminSettings);
            }
            int timeout = (int) ProducerSettings.millis(producerSettings, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout)).nodes().get(timeout, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    private void closeProducer(Duration timeout) {
        if (producer != null) {
            producer.close(timeout);
            producer = null;
        }
    }
}
