package io.careline.notification.service;

import java.util.List;

import io.careline.notification.repository.InboxMessage;

/**
 * One page of a customer's inbox, their counts from the summary, and where the next page starts (null on the last).
 */
public record InboxPage(List<InboxMessage> items, long total, long unread, InboxCursor next) {
}
