-- The outbox relay at production strength (services/outbox/README.md): per-key order with back-off and parking,
-- operator discards, the writer's trace context, and a NOTIFY at commit that wakes the relay.
ALTER TABLE outbox_event
    ADD COLUMN last_attempt_at timestamptz,     -- when it last failed
    ADD COLUMN next_attempt_at timestamptz,     -- backing off until then after a failed attempt
    ADD COLUMN parked_at       timestamptz,     -- given up on until an operator retries or discards it
    ADD COLUMN discarded_at    timestamptz,     -- an operator gave it up: never sent, kept for the record
    ADD COLUMN discarded_by    varchar(100),
    ADD COLUMN traceparent     varchar(55);     -- W3C trace context of the request that wrote it

-- what the relay reads, in order: neither published nor discarded
DROP INDEX ix_outbox_event_unpublished;
CREATE INDEX ix_outbox_event_pending ON outbox_event (position)
    WHERE published_at IS NULL AND discarded_at IS NULL;
-- the few pending events that failed at least once: does a key have an earlier event that holds it back?
CREATE INDEX ix_outbox_event_troubled ON outbox_event (message_key, position)
    WHERE published_at IS NULL AND discarded_at IS NULL AND attempts > 0;
CREATE INDEX ix_outbox_event_parked ON outbox_event (position)
    WHERE parked_at IS NOT NULL AND published_at IS NULL AND discarded_at IS NULL;
CREATE INDEX ix_outbox_event_discarded ON outbox_event (discarded_at) WHERE discarded_at IS NOT NULL;

-- NOTIFY is delivered when the inserting transaction commits (never for a rollback), and PostgreSQL folds
-- the notifications of one transaction into one: one wake-up per commit, whatever its size.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$;
CREATE TRIGGER outbox_event_inserted AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
