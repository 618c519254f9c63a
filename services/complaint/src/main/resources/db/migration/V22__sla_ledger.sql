-- The append-only, tamper-evident SLA ledger: every clock transition, in order. payload is canonical JSON (keys
-- sorted, no whitespace) kept as the exact text that was hashed; hash = hex(sha256(prev_hash || payload)), the first
-- entry's prev_hash is 64 zeros. The other columns copy payload fields for selection only.
CREATE TABLE sla_ledger (
    seq          bigint       PRIMARY KEY,
    recorded_at  timestamptz  NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    entry_type   varchar(16)  NOT NULL,
    clock_id     uuid         NOT NULL,
    complaint_id uuid         NOT NULL,
    clock_kind   varchar(16)  NOT NULL,
    payload      text         NOT NULL,
    prev_hash    char(64)     NOT NULL,
    hash         char(64)     NOT NULL
);
CREATE INDEX ix_sla_ledger_recorded ON sla_ledger (recorded_at);
CREATE INDEX ix_sla_ledger_started ON sla_ledger (occurred_at) WHERE entry_type = 'STARTED';
CREATE INDEX ix_sla_ledger_clock ON sla_ledger (clock_id, seq);

-- The chain's head: appends lock this row, so there is one chain whatever the concurrency, and a deleted last
-- entry is seen (the head still names it).
CREATE TABLE sla_ledger_head (
    id   smallint PRIMARY KEY CHECK (id = 1),
    seq  bigint   NOT NULL,
    hash char(64) NOT NULL
);
INSERT INTO sla_ledger_head VALUES (1, 0, repeat('0', 64));

-- Entries are never changed or removed, not even by the service's own role (which owns the table: an operator
-- must disable the trigger, on purpose, to get past it).
CREATE FUNCTION sla_ledger_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the SLA ledger is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER sla_ledger_append_only BEFORE UPDATE OR DELETE ON sla_ledger
    FOR EACH ROW EXECUTE FUNCTION sla_ledger_refuse_change();
CREATE TRIGGER sla_ledger_no_truncate BEFORE TRUNCATE ON sla_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION sla_ledger_refuse_change();
