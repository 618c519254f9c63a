-- What the first request with an Idempotency-Key asked for (hex SHA-256 of its canonical content), so that the key
-- reused with a different body is refused (422) instead of silently answered with the first complaint. Complaints
-- filed before this column existed have none and are replayed as before.
ALTER TABLE complaint ADD COLUMN request_fingerprint varchar(64);

-- Named, so the service tells a reference collision (retried with a new reference) from an idempotency race
ALTER TABLE complaint RENAME CONSTRAINT complaint_reference_key TO uq_complaint_reference;
