package io.careline.claimcare.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.careline.claimcare.repository.Activity;
import io.careline.claimcare.repository.Assignment;
import io.careline.claimcare.repository.Beneficiary;
import io.careline.claimcare.repository.Beneficiary.Safeguarding;
import io.careline.claimcare.repository.CarePlan;

/** Bodies and views of a beneficiary's care: matching, assignment, the plan, activities, the end of care. */
public final class CareViews {

    private CareViews() {
    }

    public record MatchView(UUID volunteerId, String fullName, String kind, String region, int score,
            List<String> reasons, long caresFor, int capacity, String blockedReason) {
    }

    @Schema(description = "Assign a volunteer; a minor's care names its safeguarding once", example = """
            {"volunteerId":"1d2e3f40-5a6b-4c7d-8e9f-a0b1c2d3e4f5","safeguarding":"GUARDIAN_PRESENT"}""")
    public record AssignRequest(@NotNull UUID volunteerId, Safeguarding safeguarding) {
    }

    public record AssignmentView(UUID id, UUID beneficiaryId, UUID volunteerId, Instant assignedAt, String assignedBy) {
        static AssignmentView of(Assignment a) {
            return new AssignmentView(a.id, a.beneficiaryId, a.volunteerId, a.assignedAt, a.assignedBy);
        }
    }

    @Schema(description = "How often the person is visited", example = """
            {"cadenceDays":7}""")
    public record PlanRequest(@Min(1) @Max(92) int cadenceDays) {
    }

    public record PlanView(UUID beneficiaryId, int cadenceDays, Instant nextDueAt, boolean overdueRaised) {
        static PlanView of(CarePlan plan) {
            return new PlanView(plan.beneficiaryId, plan.cadenceDays, plan.nextDueAt,
                    plan.overdueRaisedFor != null && plan.overdueRaisedFor.equals(plan.nextDueAt));
        }
    }

    @Schema(description = "What a volunteer did with the person", example = """
            {"kind":"VISIT","occurredAt":"2026-11-09T15:00:00Z","durationMinutes":60,"notes":"walked to the park",
             "needsFound":"help with the pharmacy forms","guardianPresent":false}""")
    public record ActivityRequest(
            @NotNull Activity.Kind kind,
            @NotNull Instant occurredAt,
            @Min(1) @Max(1440) int durationMinutes,
            @Size(max = 4000) String notes,
            @Size(max = 2000) String needsFound,
            @Schema(description = "for a minor cared for by two volunteers: the other one, who was there") UUID secondVolunteerId,
            @Schema(description = "for a minor whose guardian must be present at each visit") boolean guardianPresent) {
    }

    public record ActivityView(UUID id, UUID volunteerId, String kind, Instant occurredAt, int durationMinutes,
            String notes, String needsFound, UUID secondVolunteerId, boolean guardianPresent, Instant recordedAt) {
        static ActivityView of(Activity a) {
            return new ActivityView(a.id, a.volunteerId, a.kind.name(), a.occurredAt, a.durationMinutes, a.notes,
                    a.needsFound, a.secondVolunteerId, a.guardianPresent, a.recordedAt);
        }
    }

    @Schema(description = "Why care ends", example = """
            {"reason":"GOALS_MET"}""")
    public record EndRequest(@NotNull Beneficiary.EndReason reason) {
    }

}
