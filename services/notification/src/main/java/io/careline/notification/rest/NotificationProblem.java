package io.careline.notification.rest;

import io.careline.service.problem.DomainProblem;

/** A staff request this service refuses, naming the parameter at fault. */
final class NotificationProblem extends DomainProblem {

    private NotificationProblem(int status, String slug, String title, String field, String detail) {
        super(status, slug, title, field, detail);
    }

    static NotificationProblem invalid(String field, String detail) {
        return new NotificationProblem(400, "invalid-parameter", "Invalid parameter", field, detail);
    }

    static NotificationProblem unknownType(String type) {
        return new NotificationProblem(404, "unknown-message-type", "Unknown message type", "type",
                "there is no message type " + type);
    }
}
