-- Customers' network-quality reports, grouped into incidents by place and time; the monthly reward draw.
CREATE TABLE network_incident (
    id             uuid         PRIMARY KEY,
    kind           varchar(16)  NOT NULL,
    latitude       double precision NOT NULL,  -- where its first report was
    longitude      double precision NOT NULL,
    area           varchar(200),
    first_at       timestamptz  NOT NULL,      -- the earliest and latest report's occurredAt
    last_at        timestamptz  NOT NULL,
    status         varchar(12)  NOT NULL CHECK (status IN ('OPEN', 'CONFIRMED', 'RESOLVED')),
    confirmed_by   varchar(100),
    confirmed_at   timestamptz,
    resolved_by    varchar(100),
    resolved_at    timestamptz,
    resolution     varchar(1000),
    version        bigint       NOT NULL DEFAULT 0
);
CREATE INDEX ix_network_incident_last ON network_incident (last_at) WHERE status <> 'RESOLVED';

CREATE TABLE network_report (
    id           uuid         PRIMARY KEY,
    customer_id  varchar(64)  NOT NULL,
    kind         varchar(16)  NOT NULL,
    latitude     double precision NOT NULL,
    longitude    double precision NOT NULL,
    cell         varchar(64),
    area         varchar(200),
    occurred_at  timestamptz  NOT NULL,
    reported_at  timestamptz  NOT NULL,
    incident_id  uuid         NOT NULL REFERENCES network_incident (id)
);
CREATE INDEX ix_network_report_customer ON network_report (customer_id, reported_at DESC);
CREATE INDEX ix_network_report_incident ON network_report (incident_id);
CREATE INDEX ix_network_report_occurred ON network_report (occurred_at);

-- One draw per month, run once: its seed, the eligible list's size and digest, and the winners in rank order.
CREATE TABLE reward_draw (
    id              uuid          PRIMARY KEY,
    month           varchar(7)    NOT NULL UNIQUE,  -- yyyy-MM
    seed            varchar(128)  NOT NULL,
    eligible_count  integer       NOT NULL,
    eligible_digest varchar(64)   NOT NULL,         -- SHA-256 of the sorted eligible ids, one a line
    winner_count    integer       NOT NULL,
    amount          numeric(12, 2) NOT NULL,
    currency        varchar(3)    NOT NULL,
    drawn_by        varchar(100)  NOT NULL,
    drawn_at        timestamptz   NOT NULL
);
CREATE TABLE reward_draw_entry (
    draw_id      uuid         NOT NULL REFERENCES reward_draw (id),
    customer_id  varchar(64)  NOT NULL,
    winner_rank  integer,                           -- 1..N for a winner, null for the other eligible customers
    PRIMARY KEY (draw_id, customer_id)
);
