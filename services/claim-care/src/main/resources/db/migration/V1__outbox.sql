-- Events written in the same transaction as the change they announce; the relay publishes them to Kafka
-- (careline.care.v1). The same table as the complaint service's, so one relay design serves both.
CREATE TABLE outbox_event (
    id           uuid         PRIMARY KEY,          -- the event envelope's id
    position     bigint       GENERATED ALWAYS AS IDENTITY UNIQUE, -- publishing order
    topic        varchar(100) NOT NULL,
    message_key  varchar(100) NOT NULL,             -- the customer id: one customer's events stay in order
    event_type   varchar(150) NOT NULL,             -- the CloudEvents type
    payload      jsonb        NOT NULL,             -- the whole envelope
    occurred_at  timestamptz  NOT NULL,
    published_at timestamptz,
    attempts     integer      NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX ix_outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX ix_outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
