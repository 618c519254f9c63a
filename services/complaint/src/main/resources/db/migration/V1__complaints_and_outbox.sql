-- Complaints as customers filed them. Times are UTC (timestamptz).
CREATE TABLE complaint (
    id                 uuid         PRIMARY KEY,
    reference          varchar(20)  NOT NULL UNIQUE,
    customer_id        varchar(64)  NOT NULL,
    channel            varchar(16)  NOT NULL,
    category           varchar(16)  NOT NULL,
    subject            varchar(200) NOT NULL,
    description        text         NOT NULL CHECK (char_length(description) <= 5000),
    status             varchar(24)  NOT NULL,
    received_at        timestamptz  NOT NULL,
    first_reply_due_at timestamptz  NOT NULL,
    -- a client's retry with the same key returns the first complaint instead of filing a second one
    idempotency_key    varchar(100),
    version            bigint       NOT NULL DEFAULT 0,
    CONSTRAINT uq_complaint_idempotency UNIQUE (customer_id, idempotency_key)
);
CREATE INDEX ix_complaint_customer_received ON complaint (customer_id, received_at DESC);

-- Events written in the same transaction as the change they announce; the relay publishes them to Kafka.
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
