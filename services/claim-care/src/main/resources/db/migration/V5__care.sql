-- One-to-one care (activities, the plan's cadence and its overdue warnings) and group activities.
CREATE TABLE care_plan (
    beneficiary_id        uuid          PRIMARY KEY REFERENCES beneficiary (id),
    cadence_days          integer       NOT NULL CHECK (cadence_days BETWEEN 1 AND 92),
    next_due_at           timestamptz   NOT NULL,
    overdue_raised_for    timestamptz,               -- the due time an overdue event was raised for: once per miss
    updated_at            timestamptz   NOT NULL,
    version               bigint        NOT NULL DEFAULT 0
);
-- what the overdue check reads: plans past due whose miss was not raised yet
CREATE INDEX ix_care_plan_due ON care_plan (next_due_at);

CREATE TABLE activity (
    id                    uuid          PRIMARY KEY,
    beneficiary_id        uuid          NOT NULL REFERENCES beneficiary (id),
    volunteer_id          uuid          NOT NULL REFERENCES volunteer (id),
    kind                  varchar(16)   NOT NULL,
    occurred_at           timestamptz   NOT NULL,
    duration_minutes      integer       NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
    notes                 text,
    needs_found           text,
    second_volunteer_id   uuid          REFERENCES volunteer (id),
    guardian_present      boolean       NOT NULL DEFAULT false,
    recorded_at           timestamptz   NOT NULL
);
CREATE INDEX ix_activity_beneficiary ON activity (beneficiary_id, occurred_at DESC);
CREATE INDEX ix_activity_time ON activity (occurred_at);

CREATE TABLE group_activity (
    id           uuid          PRIMARY KEY,
    title        varchar(200)  NOT NULL,
    place        varchar(200)  NOT NULL,
    region       varchar(64)   NOT NULL,
    starts_at    timestamptz   NOT NULL,
    capacity     integer       NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
    created_by   varchar(100)  NOT NULL,
    attendance_recorded_at timestamptz,
    version      bigint        NOT NULL DEFAULT 0
);
CREATE INDEX ix_group_activity_time ON group_activity (starts_at);

CREATE TABLE group_sign_up (
    id                 uuid          PRIMARY KEY,
    group_activity_id  uuid          NOT NULL REFERENCES group_activity (id),
    volunteer_id       uuid          REFERENCES volunteer (id),
    beneficiary_id     uuid          REFERENCES beneficiary (id),
    signed_up_at       timestamptz   NOT NULL,
    attended           boolean,                     -- null until attendance is recorded
    CONSTRAINT ck_group_sign_up_one CHECK ((volunteer_id IS NULL) <> (beneficiary_id IS NULL)),
    CONSTRAINT uq_group_sign_up_volunteer UNIQUE (group_activity_id, volunteer_id),
    CONSTRAINT uq_group_sign_up_beneficiary UNIQUE (group_activity_id, beneficiary_id)
);
