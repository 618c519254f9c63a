-- pgbench script: the complaint service's filing transaction as it reaches PostgreSQL (see ComplaintService.file and
-- EventOutbox.add): look the Idempotency-Key up, insert the complaint with its request fingerprint, insert its outbox
-- event (the same ~420-byte envelope, cast to jsonb like the service does, with a traceparent), its SLA clocks and
-- their unchained ledger entries (V23), commit; the
-- migrations' NOTIFY trigger fires as it does for the service. Keep it in step with the service when that changes.
\set n random(1, 1000000000000)
BEGIN;
SELECT id FROM complaint WHERE customer_id = 'C-1001' AND idempotency_key = 'bench-' || :client_id || '-' || :n;
INSERT INTO complaint (id, reference, customer_id, channel, category, subject, description, status, received_at,
    first_reply_due_at, idempotency_key, request_fingerprint, version)
  VALUES (gen_random_uuid(), 'CMP-' || upper(substr(md5(random()::text), 1, 12)), 'C-1001', 'APP', 'BILLING',
    'Charged twice', 'My October bill shows the bundle twice.', 'RECEIVED', now(), now() + interval '48 hours',
    'bench-' || :client_id || '-' || :n, md5(random()::text) || md5(random()::text), 0);
-- its two SLA clocks and their two ledger entries: plain INSERTs since V23 (the chainer links them later, off the
-- request path; no lock shared with other filings)
INSERT INTO sla_clock (id, complaint_id, customer_id, kind, policy_id, target_seconds, warning_seconds, state,
    started_at, running_since, consumed_seconds, warn_at, due_at, escalate_at, next_fire_at)
  SELECT gen_random_uuid(), c.id, 'C-1001', k, 'default', t, t * 3 / 4, 'RUNNING', now(), now(), 0,
    now() + make_interval(secs => t * 3 / 4), now() + make_interval(secs => t), now() + make_interval(secs => 2 * t),
    now() + make_interval(secs => t * 3 / 4)
  FROM (SELECT id FROM complaint WHERE idempotency_key = 'bench-' || :client_id || '-' || :n) c,
       (VALUES ('FIRST_REPLY', 172800), ('RESOLUTION', 864000)) AS clocks(k, t);
INSERT INTO sla_ledger (recorded_at, occurred_at, entry_type, clock_id, complaint_id, clock_kind, payload)
  SELECT now(), now(), 'STARTED', s.id, s.complaint_id, s.kind,
    '{"at":"2026-11-23T03:19:01.374165Z","clock":"' || s.kind || '","clockId":"' || s.id || '","complaintId":"' || s.complaint_id
      || '","dueAt":"2026-11-25T03:19:01.374165Z","policyId":"default","recordedAt":"2026-11-23T03:19:01.374165Z","reference":"CMP-42B42BAE","state":"RUNNING","targetSeconds":172800,"type":"STARTED","warnAt":"2026-11-24T15:19:01.374165Z"}'
  FROM sla_clock s JOIN complaint c ON c.id = s.complaint_id
  WHERE c.idempotency_key = 'bench-' || :client_id || '-' || :n;
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, occurred_at, traceparent)
  VALUES (gen_random_uuid(), 'careline.complaint.v1', 'C-1001', 'io.careline.ComplaintReceived.v1',
    '{"id":"1fd91768-a126-4f87-8889-469b2c14afc8","type":"ComplaintReceived","version":1,"occurredAt":"2026-11-23T03:19:01.374165Z","customerId":"C-1001","data":{"complaintId":"f2cab61b-8677-4830-b806-2810ec7897af","reference":"CMP-42B42BAE","subject":"Charged twice","category":"BILLING","channel":"APP","receivedAt":"2026-11-23T03:19:01.374165Z","firstReplyDueAt":"2026-11-25T03:19:01.374165Z"}}'::text::jsonb,
    now(), '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01');
END;
