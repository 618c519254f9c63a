package io.careline.complaint.service;

import java.util.EnumSet;
import java.util.Set;

import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.Complaint.Status;

/**
 * Who does something to a complaint, from their verified token: a customer (by customer id), a member of staff (by
 * user name, with their team), a partner (by partner id), or the service itself.
 */
public record Actor(String name, Role role, String team) {

    public enum Role { CUSTOMER, AGENT, SUPERVISOR, MANAGER, PARTNER, SYSTEM }

    public static final Actor SYSTEM = new Actor("system", Role.SYSTEM, null);

    public static Actor customer(String customerId) {
        return new Actor(customerId, Role.CUSTOMER, null);
    }

    public static Actor partner(String partnerId) {
        return new Actor(partnerId, Role.PARTNER, null);
    }

    /** Supervisors and managers see and may override everything. */
    public boolean supervises() {
        return role == Role.SUPERVISOR || role == Role.MANAGER;
    }

    public boolean staff() {
        return role == Role.AGENT || supervises();
    }

    /** An agent works their own complaints and their team's; anyone else's reads as "not found". */
    public boolean mayWork(Complaint complaint) {
        return supervises() || (role == Role.AGENT
                && (name.equals(complaint.assignee) || (team != null && team.equals(complaint.team))));
    }

    /**
     * The statuses this caller may move a complaint it works to, through the staff status endpoint, now (agents and
     * supervisors; a manager's door is the override; reopening is its own).
     */
    public Set<Status> statusMoves(Complaint complaint) {
        return role == Role.AGENT || role == Role.SUPERVISOR ? complaint.status.next() : EnumSet.noneOf(Status.class);
    }
}
