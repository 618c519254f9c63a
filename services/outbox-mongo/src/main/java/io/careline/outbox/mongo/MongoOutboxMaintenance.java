package io.careline.outbox.mongo;

import static io.careline.outbox.mongo.OutboxFields.KEY;
import static io.careline.outbox.mongo.OutboxFields.OCCURRED_AT;
import static io.careline.outbox.mongo.OutboxFields.OUTBOX;
import static io.careline.outbox.mongo.OutboxFields.PARKED_AT;
import static io.careline.outbox.mongo.OutboxFields.inOutbox;

import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.jboss.logging.Logger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import io.careline.outbox.core.OutboxMetrics;
import io.quarkus.scheduler.Scheduled;

/**
 * The outbox's gauges, recomputed every few seconds from the documents that hold events (the sparse index on
 * {@code outbox.key}), reading only the events' dates, never their payloads. Published events leave the documents at
 * once, so there is nothing to delete; discarded ones are kept in {@code outbox_discarded}.
 */
@ApplicationScoped
public class MongoOutboxMaintenance {

    private static final Logger LOG = Logger.getLogger(MongoOutboxMaintenance.class);

    private final OutboxCollections collections;
    private final OutboxMetrics metrics;

    public MongoOutboxMaintenance(OutboxCollections collections, OutboxMetrics metrics) {
        this.collections = collections;
        this.metrics = metrics;
    }

    @Scheduled(every = "${careline.outbox.metrics-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void refreshGauges() {
        try {
            long pending = 0;
            long parked = 0;
            long oldest = Long.MAX_VALUE;
            for (MongoCollection<Document> collection : collections.all()) {
                for (Document document : collection.find(Filters.exists(inOutbox(KEY)))
                        .projection(Projections.include(inOutbox(OCCURRED_AT), inOutbox(PARKED_AT)))) {
                    for (Document event : document.getList(OUTBOX, Document.class, List.of())) {
                        pending++;
                        if (event.get(PARKED_AT) != null) {
                            parked++;
                        }
                        Date occurred = event.getDate(OCCURRED_AT);
                        if (occurred != null) {
                            oldest = Math.min(oldest, occurred.getTime());
                        }
                    }
                }
            }
            metrics.refresh(pending, oldest == Long.MAX_VALUE ? 0 : Math.max(System.currentTimeMillis() - oldest, 0), parked);
        } catch (RuntimeException e) {
            LOG.debugf("outbox gauges not refreshed: %s", e.getMessage());
        }
    }
}
