package io.careline.customer.rest;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.careline.customer.repository.Customer;
import io.careline.customer.repository.Customer.FollowUp;
import io.careline.customer.repository.Customer.Visit;
import io.careline.customer.service.VisitService;
import io.careline.service.rest.PageView;

/** What staff see of visits, follow-up offers, officers and visit compliance. */
final class VisitViews {

    private VisitViews() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record VisitView(String id, String officer, Instant visitedAt, Instant recordedAt, List<AnswerView> answers,
            List<String> needs, String confirmation, String confirmationReference, List<FollowUpView> followUps) {

        static VisitView of(Visit visit, Customer customer) {
            return new VisitView(visit.id, visit.officer, visit.visitedAt, visit.recordedAt,
                    visit.answers.stream().map(answer -> new AnswerView(answer.question, answer.answer)).toList(),
                    visit.needs.stream().map(Enum::name).toList(), visit.confirmation.name(), visit.confirmationReference,
                    customer.followUps.stream().filter(followUp -> visit.id.equals(followUp.visitId)).map(FollowUpView::of).toList());
        }
    }

    record AnswerView(String question, String answer) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FollowUpView(String id, String visitId, String need, String note, String status, Instant openedAt,
            Instant updatedAt, String updatedBy) {

        static FollowUpView of(FollowUp followUp) {
            return new FollowUpView(followUp.id, followUp.visitId, followUp.need.name(), followUp.note,
                    followUp.status.name(), followUp.openedAt, followUp.updatedAt, followUp.updatedBy);
        }
    }

    record OfficerView(String customerId, String officer, String supervisor, Instant assignedAt) {

        static OfficerView of(Customer customer) {
            return new OfficerView(customer.id, customer.officer.username, customer.officer.supervisor,
                    customer.officer.assignedAt);
        }
    }

    /** The officer's customers in one visit period, with the counts of each standing over all of them. */
    record ComplianceView(String officer, String period, Instant from, Instant to, long visited, long due, long missed,
            long notDue, PageView<StandingView> customers) {

        static ComplianceView of(VisitService.Compliance compliance, int page, int size) {
            List<StandingView> all = compliance.customers().stream().map(StandingView::of).toList();
            int from = (int) Math.min((long) page * size, all.size());
            return new ComplianceView(compliance.officer(), compliance.period().label(), compliance.period().from(),
                    compliance.period().to(), compliance.count("visited"), compliance.count("due"),
                    compliance.count("missed"), compliance.count("not-due"),
                    new PageView<>(all.subList(from, Math.min(from + size, all.size())), page, size, all.size()));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StandingView(String customerId, String displayName, String status, Instant lastVisitAt) {

        static StandingView of(VisitService.Standing standing) {
            return new StandingView(standing.customer().id, standing.customer().displayName, standing.status(),
                    standing.lastVisitAt());
        }
    }
}
