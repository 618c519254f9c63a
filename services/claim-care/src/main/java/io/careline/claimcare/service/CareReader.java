package io.careline.claimcare.service;

/**
 * A member of staff reading care records: coordinators see every beneficiary, a volunteer only those assigned to them
 * (anyone else reads as "not found").
 */
public record CareReader(String username, boolean coordinator) {

    public String role() {
        return coordinator ? "coordinator" : "volunteer";
    }
}
