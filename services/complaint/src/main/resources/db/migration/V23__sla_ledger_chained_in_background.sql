-- The SLA ledger is no longer chained on the request path (V22 locked one head row per append, so every filing in
-- the system waited for the one before it to commit). A transaction now only INSERTs its entries, unchained (seq,
-- prev_hash and hash null), identified by id; SlaLedger's chainer links them later, in id order, in batches, holding
-- the head row (the only writer of the chain fields). Entries chained before keep id = seq.
ALTER TABLE sla_ledger DROP CONSTRAINT sla_ledger_pkey;
ALTER TABLE sla_ledger ADD COLUMN id bigint;
ALTER TABLE sla_ledger DISABLE TRIGGER sla_ledger_append_only;
UPDATE sla_ledger SET id = seq;
ALTER TABLE sla_ledger ENABLE TRIGGER sla_ledger_append_only;
CREATE SEQUENCE sla_ledger_id_seq OWNED BY sla_ledger.id;
SELECT setval('sla_ledger_id_seq', (SELECT coalesce(max(seq), 0) + 1 FROM sla_ledger), false);
ALTER TABLE sla_ledger
    ALTER COLUMN id SET DEFAULT nextval('sla_ledger_id_seq'),
    ALTER COLUMN id SET NOT NULL,
    ADD PRIMARY KEY (id),
    ALTER COLUMN seq DROP NOT NULL,
    ALTER COLUMN prev_hash DROP NOT NULL,
    ALTER COLUMN hash DROP NOT NULL,
    ADD CONSTRAINT sla_ledger_chained_whole CHECK ((seq IS NULL) = (hash IS NULL) AND (seq IS NULL) = (prev_hash IS NULL)),
    ADD CONSTRAINT sla_ledger_seq_unique UNIQUE (seq);
-- what the chainer reads next
CREATE INDEX ix_sla_ledger_unchained ON sla_ledger (id) WHERE seq IS NULL;
DROP INDEX ix_sla_ledger_clock;
CREATE INDEX ix_sla_ledger_clock ON sla_ledger (clock_id, id);

-- Entries are never removed, and an UPDATE may only chain an unchained entry once: set seq, prev_hash and hash,
-- nothing else. Everything else is refused, also for the service's own role.
CREATE FUNCTION sla_ledger_chain_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.seq IS NULL AND NEW.seq IS NOT NULL
            AND (NEW.id, NEW.recorded_at, NEW.occurred_at, NEW.entry_type, NEW.clock_id, NEW.complaint_id, NEW.clock_kind, NEW.payload)
                IS NOT DISTINCT FROM
                (OLD.id, OLD.recorded_at, OLD.occurred_at, OLD.entry_type, OLD.clock_id, OLD.complaint_id, OLD.clock_kind, OLD.payload) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the SLA ledger is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER sla_ledger_append_only ON sla_ledger;
CREATE TRIGGER sla_ledger_append_only BEFORE UPDATE OR DELETE ON sla_ledger
    FOR EACH ROW EXECUTE FUNCTION sla_ledger_chain_once();
