package io.careline.notification.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Null;
import jakarta.ws.rs.DefaultValue;

import org.jboss.resteasy.reactive.RestQuery;

import io.careline.notification.service.InboxCursor;
import io.careline.service.rest.PageRequest;

/**
 * {@code ?size=20&before=<cursor>}: a page of the inbox below the cursor the previous page returned as {@code next}.
 * Keyset paging, so a deep page costs what the first does; {@code page} numbers are gone (a 400 says so).
 */
public class InboxQuery {

    @RestQuery
    @DefaultValue("20")
    @Min(value = 1, message = "must be between 1 and " + PageRequest.MAX_SIZE)
    @Max(value = PageRequest.MAX_SIZE, message = "must be between 1 and " + PageRequest.MAX_SIZE)
    public int size;

    /** The {@code next} of the page before; absent for the newest messages. */
    @RestQuery
    @CursorFormat
    public String before;

    @RestQuery
    @Null(message = "is not supported: follow the page's next cursor with before")
    public String page;

    InboxCursor cursor() {
        return before == null ? null : InboxCursor.decode(before).orElseThrow();
    }
}
