-- Events from other services applied here, by event id: a redelivered CustomerErased is recognised and skipped.
CREATE TABLE processed_event (
    event_id      uuid          PRIMARY KEY,
    event_type    varchar(150)  NOT NULL,
    processed_at  timestamptz   NOT NULL
);
-- when the complaint's customer was erased (ErasureService); null otherwise
ALTER TABLE complaint ADD COLUMN pseudonymised_at timestamptz;
