package io.careline.notification.service;

import java.util.List;

import io.careline.notification.repository.InboxMessage;

/** One page of a customer's inbox, how many messages they have in all, and how many of those are unread. */
public record InboxPage(List<InboxMessage> items, long total, long unread) {
}
