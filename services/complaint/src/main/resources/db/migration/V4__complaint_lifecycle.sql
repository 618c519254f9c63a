-- Complaints from every channel, their lifecycle with its audit trail, the conversation and staff assignment.

-- channels are configurable (careline.complaint.channels), so the column holds any configured code
ALTER TABLE complaint ALTER COLUMN channel TYPE varchar(32);
-- agents' and partners' keys are stored scoped ("agent:<username>:<key>", "partner:<id>:<key>"), so that one caller's
-- key never replays another caller's complaint for the same customer
ALTER TABLE complaint ALTER COLUMN idempotency_key TYPE varchar(200);
ALTER TABLE complaint
    ADD COLUMN priority              varchar(8)   NOT NULL DEFAULT 'NORMAL',
    ADD COLUMN entered_by_kind       varchar(16)  NOT NULL DEFAULT 'CUSTOMER', -- CUSTOMER, AGENT or PARTNER
    ADD COLUMN entered_by            varchar(100),                             -- the agent's user name or the partner id
    ADD COLUMN partner_id            varchar(64),                              -- set when a partner filed it
    ADD COLUMN attachments           jsonb        NOT NULL DEFAULT '[]',       -- [{uri, name, mediaType}], by reference
    ADD COLUMN assignee              varchar(100),
    ADD COLUMN team                  varchar(64),
    -- the first public reply by a person (the automatic acknowledgement does not count): stops the first-reply clock
    ADD COLUMN first_public_reply_at timestamptz,
    -- the resolution target; filled by the SLA policies, null until then (queues order nulls last)
    ADD COLUMN resolution_due_at     timestamptz,
    ADD COLUMN status_changed_at     timestamptz  NOT NULL DEFAULT now(),  -- older writers (bench/tools) set none
    ADD COLUMN resolved_at           timestamptz,
    ADD COLUMN claimed_overcharge_amount   numeric(12, 2),
    ADD COLUMN claimed_overcharge_currency varchar(3),
    ADD CONSTRAINT ck_complaint_priority CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT'));
UPDATE complaint SET status_changed_at = received_at;

-- the queues: a team's or an agent's open complaints, by urgency
CREATE INDEX ix_complaint_team ON complaint (team, first_reply_due_at) WHERE status NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX ix_complaint_assignee ON complaint (assignee, first_reply_due_at) WHERE status NOT IN ('RESOLVED', 'CLOSED');
CREATE INDEX ix_complaint_partner ON complaint (partner_id, received_at DESC) WHERE partner_id IS NOT NULL;

-- Every change of a complaint's status, priority or assignment: who (and in which role), when, from, to, why.
-- Append-only; customers see the status changes without who or why.
CREATE TABLE complaint_transition (
    id           uuid         PRIMARY KEY,
    position     bigint       GENERATED ALWAYS AS IDENTITY UNIQUE, -- order within one transaction's same instant
    complaint_id uuid         NOT NULL REFERENCES complaint (id),
    at           timestamptz  NOT NULL,
    actor        varchar(100) NOT NULL,  -- user name, customer id, partner id or 'system'
    actor_role   varchar(16)  NOT NULL,  -- CUSTOMER, AGENT, SUPERVISOR, MANAGER, PARTNER, SYSTEM
    action       varchar(16)  NOT NULL,  -- FILED, STATUS, REOPEN, OVERRIDE, PRIORITY, ASSIGN
    from_status  varchar(24),
    to_status    varchar(24)  NOT NULL,
    reason       varchar(1000),          -- internal: never shown to the customer nor sent in an event
    detail       varchar(300)            -- e.g. "assignee agnes, team north", "priority NORMAL -> URGENT"
);
CREATE INDEX ix_complaint_transition ON complaint_transition (complaint_id, position);

-- The conversation: public replies (staff or system to customer), the customer's messages, and staff's internal notes.
CREATE TABLE complaint_message (
    id           uuid         PRIMARY KEY,
    position     bigint       GENERATED ALWAYS AS IDENTITY UNIQUE,
    complaint_id uuid         NOT NULL REFERENCES complaint (id),
    kind         varchar(16)  NOT NULL CHECK (kind IN ('PUBLIC_REPLY', 'CUSTOMER', 'INTERNAL_NOTE')),
    author       varchar(100) NOT NULL,
    author_role  varchar(16)  NOT NULL,
    by_person    boolean      NOT NULL,  -- false for the system's automatic acknowledgement
    body         text         NOT NULL CHECK (char_length(body) <= 5000),
    created_at   timestamptz  NOT NULL
);
CREATE INDEX ix_complaint_message ON complaint_message (complaint_id, position);
