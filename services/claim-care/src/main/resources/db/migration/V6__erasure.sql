-- Events from other services applied here, by event id: a redelivery is recognised and skipped.
CREATE TABLE processed_event (
    event_id      uuid          PRIMARY KEY,
    event_type    varchar(150)  NOT NULL,
    processed_at  timestamptz   NOT NULL
);
