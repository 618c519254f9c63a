package io.careline.notification.rest;

import java.util.List;

import io.careline.notification.service.InboxPage;

/**
 * A page of the inbox, newest first, with the customer's counts and {@code next}: the cursor to pass as
 * {@code before} for the following page, null on the last one.
 */
public record InboxView(List<InboxMessageView> items, int size, long total, long unread, String next) {

    static InboxView of(InboxPage found, int size) {
        return new InboxView(found.items().stream().map(InboxMessageView::of).toList(), size, found.total(),
                found.unread(), found.next() == null ? null : found.next().encode());
    }
}
