package io.careline.notification.rest;

import java.util.List;

import io.careline.notification.service.InboxPage;

/** A page of the inbox, shaped like {@link io.careline.service.rest.PageView}, plus how many messages are unread. */
public record InboxView(List<InboxMessageView> items, int page, int size, long total, long unread) {

    static InboxView of(InboxPage found, int page, int size) {
        return new InboxView(found.items().stream().map(InboxMessageView::of).toList(), page, size, found.total(),
                found.unread());
    }
}
