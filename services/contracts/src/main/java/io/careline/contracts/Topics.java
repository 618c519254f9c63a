package io.careline.contracts;

/** Kafka topics, one per owning service; the version is part of the name so a breaking change gets a new topic. */
public final class Topics {
    public static final String CUSTOMER = "careline.customer.v1";
    public static final String COMPLAINT = "careline.complaint.v1";
    public static final String CARE = "careline.care.v1";
    public static final String NOTIFICATION = "careline.notification.v1";

    private Topics() {
    }
}
