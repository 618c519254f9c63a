package io.careline.complaint.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.careline.complaint.repository.Complaint;
import io.careline.complaint.repository.Message;
import io.careline.complaint.repository.Message.Kind;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** A complaint's messages, and which of them each audience may read. */
final class Conversation {

    /** What a customer or a partner reads: never an internal note. */
    static final List<Kind> PUBLIC = List.of(Kind.PUBLIC_REPLY, Kind.CUSTOMER);
    static final List<Kind> ALL = List.of(Kind.values());

    private Conversation() {
    }

    static Message message(Complaint complaint, Kind kind, Actor author, boolean byPerson, String body, Instant now) {
        Message message = new Message();
        message.id = UUID.randomUUID();
        message.complaintId = complaint.id;
        message.kind = kind;
        message.author = author.name();
        message.authorRole = author.role().name();
        message.byPerson = byPerson;
        message.body = body.strip();
        message.createdAt = now;
        return message;
    }

    static Uni<List<Message>> page(UUID complaintId, List<Kind> kinds, int page, int size) {
        return Message.<Message> find("complaintId = :id and kind in :kinds", Sort.ascending("position"),
                Parameters.with("id", complaintId).and("kinds", kinds)).page(Page.of(page, size)).list();
    }

    static Uni<Long> count(UUID complaintId, List<Kind> kinds) {
        return Message.count("complaintId = :id and kind in :kinds", Parameters.with("id", complaintId).and("kinds", kinds));
    }
}
