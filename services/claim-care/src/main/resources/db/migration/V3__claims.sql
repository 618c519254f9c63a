-- Claims as partners (insurers) report them, and each lifecycle event they posted: the customer's timeline, the
-- visit-to-payment clock, and the record that makes a partner's retry apply once.
CREATE TABLE claim (
    id                 uuid          PRIMARY KEY,
    partner_id         varchar(64)   NOT NULL,      -- from the partner's token, never from the request
    partner_claim_ref  varchar(64)   NOT NULL,      -- the partner's own claim number
    customer_id        varchar(64)   NOT NULL,      -- the policyholder
    status             varchar(24)   NOT NULL,
    description        varchar(500),
    green_channel      boolean       NOT NULL DEFAULT false,
    reported_at        timestamptz   NOT NULL,
    visited_at         timestamptz,                 -- adjuster visit, documents collected: the clock starts
    assessed_at        timestamptz,
    assessed_amount    numeric(14,2),
    paid_at            timestamptz,                 -- the clock stops
    paid_amount        numeric(14,2),
    currency           varchar(3),
    rejected_at        timestamptz,
    rejection_reason   varchar(500),
    version            bigint        NOT NULL DEFAULT 0,
    CONSTRAINT uq_claim_partner_ref UNIQUE (partner_id, partner_claim_ref)
);
CREATE INDEX ix_claim_customer ON claim (customer_id, reported_at DESC);
CREATE INDEX ix_claim_paid ON claim (paid_at) WHERE paid_at IS NOT NULL;

CREATE TABLE claim_event (
    id                 uuid          PRIMARY KEY,
    claim_id           uuid          NOT NULL REFERENCES claim (id),
    partner_id         varchar(64)   NOT NULL,
    partner_event_id   varchar(100)  NOT NULL,
    request_fingerprint varchar(64)  NOT NULL,      -- SHA-256 of the request: a reused event id with other content is refused
    type               varchar(24)   NOT NULL,
    occurred_at        timestamptz   NOT NULL,      -- when it happened at the partner
    received_at        timestamptz   NOT NULL,
    CONSTRAINT uq_claim_event_partner_event UNIQUE (partner_id, partner_event_id)
);
CREATE INDEX ix_claim_event_claim ON claim_event (claim_id, occurred_at);
