-- "Overcharge one, reward one": a verified overcharge is refunded and the same amount granted again as a reward.
-- One per complaint. Above the threshold a second person (a supervisor) approves; never the one who verified.
CREATE TABLE compensation (
    id              uuid          PRIMARY KEY,
    complaint_id    uuid          NOT NULL REFERENCES complaint (id),
    verified_amount numeric(12, 2) NOT NULL CHECK (verified_amount > 0),
    currency        varchar(3)    NOT NULL,
    evidence        varchar(2000) NOT NULL,
    verified_by     varchar(100)  NOT NULL,
    verified_at     timestamptz   NOT NULL,
    status          varchar(20)   NOT NULL CHECK (status IN ('AWAITING_APPROVAL', 'GRANTED')),
    approved_by     varchar(100),
    granted_at      timestamptz,
    refund_amount   numeric(12, 2),
    reward_amount   numeric(12, 2),
    version         bigint        NOT NULL DEFAULT 0,
    CONSTRAINT uq_compensation_complaint UNIQUE (complaint_id),
    CONSTRAINT ck_compensation_four_eyes CHECK (approved_by IS NULL OR approved_by <> verified_by)
);
CREATE INDEX ix_compensation_awaiting ON compensation (verified_at) WHERE status = 'AWAITING_APPROVAL';
