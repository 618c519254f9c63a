-- Per complaint a first-reply clock and a resolution clock. Targets are working time (business seconds under a
-- calendar, plain seconds in calendar hours); the instants a running clock reaches its warning share, its target and
-- twice its target are stored, and next_fire_at (the earliest not yet fired) is what the timer worker reads.
CREATE TABLE sla_clock (
    id               uuid         PRIMARY KEY,
    complaint_id     uuid         NOT NULL,
    customer_id      varchar(64)  NOT NULL,     -- the events' key
    kind             varchar(16)  NOT NULL CHECK (kind IN ('FIRST_REPLY', 'RESOLUTION')),
    policy_id        varchar(40)  NOT NULL,
    calendar_id      varchar(40),               -- null: calendar hours
    target_seconds   bigint       NOT NULL CHECK (target_seconds > 0),
    warning_seconds  bigint       NOT NULL CHECK (warning_seconds > 0),
    state            varchar(16)  NOT NULL CHECK (state IN ('RUNNING', 'PAUSED', 'STOPPED')),
    started_at       timestamptz  NOT NULL,
    running_since    timestamptz,               -- set while RUNNING
    consumed_seconds bigint       NOT NULL DEFAULT 0, -- working time used before running_since
    paused_at        timestamptz,
    stopped_at       timestamptz,
    outcome          varchar(16)  CHECK (outcome IN ('MET', 'BREACHED')),
    warn_at          timestamptz,
    due_at           timestamptz,
    escalate_at      timestamptz,               -- twice the target
    warned_at        timestamptz,
    breached_at      timestamptz,
    escalated_at     timestamptz,
    next_fire_at     timestamptz,
    escalated_to     varchar(16),               -- supervisor after a breach, manager at twice the target
    assignee         varchar(100),
    team             varchar(100),
    version          bigint       NOT NULL DEFAULT 0,
    CONSTRAINT uq_sla_clock_complaint_kind UNIQUE (complaint_id, kind)
);
-- a tick reads only the clocks due: one range scan of this index, whatever the number of open clocks
CREATE INDEX ix_sla_clock_next_fire ON sla_clock (next_fire_at) WHERE next_fire_at IS NOT NULL;
