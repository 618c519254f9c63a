package io.careline.complaint.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.careline.complaint.config.ComplaintConfig;
import io.careline.complaint.repository.NetworkIncident;
import io.careline.complaint.repository.NetworkReport;
import io.careline.contracts.EventEnvelope;
import io.careline.contracts.complaint.IncidentResolved;
import io.careline.outbox.EventOutbox;
import io.careline.service.reactive.Uncancellable;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Customers' network reports, grouped into incidents: a report joins the nearest unresolved incident of its kind whose
 * first report is within the configured radius and whose reports span, widened by the configured window on both
 * sides, covers the report's time; otherwise it opens a new incident. Grouping runs one report at a time (a
 * transaction-scoped advisory lock), so two reports of the same outage never open two incidents.
 */
@ApplicationScoped
public class NetworkService {

    /** Serializes incident grouping; any constant unique to this purpose in this database. */
    private static final long GROUPING_LOCK = 0x6e6574776f726bL;
    private static final double EARTH_RADIUS_KM = 6371.0088;

    private final EventOutbox outbox;
    private final ComplaintConfig config;

    public NetworkService(EventOutbox outbox, ComplaintConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    public record NewReport(String customerId, NetworkReport.Kind kind, double latitude, double longitude, String cell,
            String area, Instant occurredAt) {
    }

    public record Found<T>(List<T> items, long total) {
    }

    public Uni<NetworkReport> report(NewReport request) {
        Instant now = ComplaintWork.now();
        if (request.occurredAt().isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw ComplaintProblem.invalid("occurredAt", "must not be in the future");
        }
        if (request.occurredAt().isBefore(now.minus(config.network().reportMaxAge()))) {
            throw ComplaintProblem.invalid("occurredAt", "must be within the last " + config.network().reportMaxAge().toDays() + " days");
        }
        Duration window = config.network().incidentWindow();
        return Uncancellable.run(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(" + GROUPING_LOCK + ")").getSingleResult())
                .chain(() -> NetworkIncident.<NetworkIncident> list("kind = :kind and status <> :resolved"
                        + " and lastAt >= :from and firstAt <= :to", Parameters.with("kind", request.kind())
                                .and("resolved", NetworkIncident.Status.RESOLVED)
                                .and("from", request.occurredAt().minus(window)).and("to", request.occurredAt().plus(window))))
                .chain(candidates -> {
                    Optional<NetworkIncident> nearest = candidates.stream()
                            .filter(incident -> distanceKm(incident, request) <= config.network().incidentRadiusKm())
                            .min(Comparator.comparingDouble(incident -> distanceKm(incident, request)));
                    NetworkIncident incident = nearest.orElseGet(() -> open(request));
                    if (request.occurredAt().isBefore(incident.firstAt)) {
                        incident.firstAt = request.occurredAt();
                    }
                    if (request.occurredAt().isAfter(incident.lastAt)) {
                        incident.lastAt = request.occurredAt();
                    }
                    if (incident.area == null && request.area() != null) {
                        incident.area = request.area();
                    }
                    NetworkReport report = new NetworkReport();
                    report.id = UUID.randomUUID();
                    report.customerId = request.customerId();
                    report.kind = request.kind();
                    report.latitude = request.latitude();
                    report.longitude = request.longitude();
                    report.cell = request.cell();
                    report.area = request.area();
                    report.occurredAt = request.occurredAt();
                    report.reportedAt = now;
                    report.incidentId = incident.id;
                    return (nearest.isPresent() ? Uni.createFrom().voidItem() : incident.persist())
                            .chain(() -> report.persist()).replaceWith(report);
                })));
    }

    private static NetworkIncident open(NewReport request) {
        NetworkIncident incident = new NetworkIncident();
        incident.id = UUID.randomUUID();
        incident.kind = request.kind();
        incident.latitude = request.latitude();
        incident.longitude = request.longitude();
        incident.area = request.area();
        incident.firstAt = request.occurredAt();
        incident.lastAt = request.occurredAt();
        incident.status = NetworkIncident.Status.OPEN;
        return incident;
    }

    /** Great-circle distance (haversine) between the incident's first report and this one. */
    static double distanceKm(NetworkIncident incident, NewReport report) {
        double dLat = Math.toRadians(report.latitude() - incident.latitude);
        double dLon = Math.toRadians(report.longitude() - incident.longitude);
        double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(incident.latitude))
                * Math.cos(Math.toRadians(report.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    public Uni<Found<NetworkReport>> ownReports(String customerId, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> NetworkReport.<NetworkReport> find("customerId",
                Sort.descending("reportedAt").and("id"), customerId).page(Page.of(page, size)).list()
                .chain(items -> NetworkReport.count("customerId", customerId).map(total -> new Found<>(items, total)))));
    }

    public Uni<Found<NetworkIncident>> incidents(NetworkIncident.Status status, int page, int size) {
        String where = status == null ? "1 = 1" : "status = :status";
        Parameters parameters = status == null ? new Parameters() : Parameters.with("status", status);
        return Uncancellable.run(() -> Panache.withSession(() -> NetworkIncident.<NetworkIncident> find(where,
                Sort.descending("lastAt").and("id"), parameters).page(Page.of(page, size)).list()
                .chain(items -> NetworkIncident.count(where, parameters).map(total -> new Found<>(items, total)))));
    }

    public record IncidentDetails(NetworkIncident incident, long reports, long reporters) {
    }

    public Uni<IncidentDetails> incident(UUID id) {
        return Uncancellable.run(() -> Panache.withSession(() -> NetworkIncident.<NetworkIncident> findById(id)
                .chain(this::details)));
    }

    public Uni<Found<NetworkReport>> incidentReports(UUID id, int page, int size) {
        return Uncancellable.run(() -> Panache.withSession(() -> NetworkIncident.<NetworkIncident> findById(id)
                .chain(incident -> incident == null ? Uni.createFrom().<Found<NetworkReport>> nullItem()
                        : NetworkReport.<NetworkReport> find("incidentId", Sort.ascending("occurredAt", "id"), id)
                                .page(Page.of(page, size)).list()
                                .chain(items -> NetworkReport.count("incidentId", id).map(total -> new Found<>(items, total))))))
                .onItem().ifNull().failWith(() -> incidentNotFound(id));
    }

    /** Staff confirm the problem was real: its reporters become eligible for the month's draw. */
    public Uni<IncidentDetails> confirm(Actor staff, UUID id) {
        return change(id, incident -> {
            if (incident.status == NetworkIncident.Status.OPEN) {
                confirm(incident, staff, ComplaintWork.now());
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Staff resolve the incident (which confirms it, if it was not yet): every distinct reporter gets an
     * {@code IncidentResolved}, keyed by their customer id. Resolving again is a 409 naming the status.
     */
    public Uni<IncidentDetails> resolve(Actor staff, UUID id, String resolution) {
        return change(id, incident -> {
            if (incident.status == NetworkIncident.Status.RESOLVED) {
                throw ComplaintProblem.conflict("status", "is RESOLVED already");
            }
            Instant now = ComplaintWork.now();
            if (incident.confirmedAt == null) {
                confirm(incident, staff, now);
            }
            incident.status = NetworkIncident.Status.RESOLVED;
            incident.resolvedBy = staff.name();
            incident.resolvedAt = now;
            incident.resolution = resolution == null ? null : resolution.strip();
            return Panache.getSession().chain(session -> session.createSelectionQuery(
                    "select distinct customerId from NetworkReport where incidentId = :id order by customerId", String.class)
                    .setParameter("id", id).getResultList())
                    .chain(reporters -> {
                        Uni<Void> events = Uni.createFrom().voidItem();
                        for (String reporter : reporters) {
                            events = events.chain(() -> outbox.add(IncidentResolved.EVENT, EventEnvelope.of(
                                    IncidentResolved.EVENT, reporter, now, new IncidentResolved(incident.id,
                                            incident.kind.name(), incident.area, now, reporters.size()))).replaceWithVoid());
                        }
                        return events;
                    });
        });
    }

    private static void confirm(NetworkIncident incident, Actor staff, Instant now) {
        incident.status = NetworkIncident.Status.CONFIRMED;
        incident.confirmedBy = staff.name();
        incident.confirmedAt = now;
    }

    private Uni<IncidentDetails> change(UUID id, java.util.function.Function<NetworkIncident, Uni<Void>> change) {
        return Uncancellable.run(() -> Panache.withTransaction(() -> NetworkIncident.<NetworkIncident> findById(id)
                .chain(incident -> {
                    if (incident == null) {
                        throw incidentNotFound(id);
                    }
                    return change.apply(incident).chain(Panache::flush).chain(() -> details(incident));
                })));
    }

    private Uni<IncidentDetails> details(NetworkIncident incident) {
        if (incident == null) {
            return Uni.createFrom().nullItem();
        }
        return NetworkReport.count("incidentId", incident.id).chain(reports -> Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                        "select count(distinct customerId) from NetworkReport where incidentId = :id", Long.class)
                        .setParameter("id", incident.id).getSingleResult())
                .map(reporters -> new IncidentDetails(incident, reports, reporters)));
    }

    static ComplaintProblem incidentNotFound(UUID id) {
        return ComplaintProblem.missing("no incident " + id);
    }
}
