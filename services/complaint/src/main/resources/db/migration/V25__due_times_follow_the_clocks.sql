-- first_reply_due_at and resolution_due_at copy the SLA clocks' due times and follow them in the transaction that
-- moves a clock (SlaClocks): null while the clock is paused (waiting on the customer), when nothing is due.
ALTER TABLE complaint ALTER COLUMN first_reply_due_at DROP NOT NULL;
