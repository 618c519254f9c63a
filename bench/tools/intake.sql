-- pgbench script: the complaint service's filing transaction as it reaches PostgreSQL (see ComplaintService.file and
-- EventOutbox.add): look the Idempotency-Key up, insert the complaint with its request fingerprint, insert its outbox
-- event (the same ~420-byte envelope, cast to jsonb like the service does, with a traceparent), commit; the
-- migrations' NOTIFY trigger fires as it does for the service. Keep it in step with the service when that changes.
\set n random(1, 1000000000000)
BEGIN;
SELECT id FROM complaint WHERE customer_id = 'C-1001' AND idempotency_key = 'bench-' || :client_id || '-' || :n;
INSERT INTO complaint (id, reference, customer_id, channel, category, subject, description, status, received_at,
    first_reply_due_at, idempotency_key, request_fingerprint, version)
  VALUES (gen_random_uuid(), 'CMP-' || upper(substr(md5(random()::text), 1, 12)), 'C-1001', 'APP', 'BILLING',
    'Charged twice', 'My October bill shows the bundle twice.', 'RECEIVED', now(), now() + interval '48 hours',
    'bench-' || :client_id || '-' || :n, md5(random()::text) || md5(random()::text), 0);
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at, traceparent)
  VALUES (gen_random_uuid(), 'careline.complaint.v1', 'C-1001', 'io.careline.ComplaintReceived.v1',
    '{"id":"1fd91768-a126-4f87-8889-469b2c14afc8","type":"ComplaintReceived","version":1,"occurredAt":"2026-11-23T03:19:01.374165Z","customerId":"C-1001","data":{"complaintId":"f2cab61b-8677-4830-b806-2810ec7897af","reference":"CMP-42B42BAE","subject":"Charged twice","category":"BILLING","channel":"APP","receivedAt":"2026-11-23T03:19:01.374165Z","firstReplyDueAt":"2026-11-25T03:19:01.374165Z"}}'::text::jsonb,
    now(), '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
END;
