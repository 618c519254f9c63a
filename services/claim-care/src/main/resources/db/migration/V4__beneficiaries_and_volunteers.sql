-- Beneficiaries proposed for care after a paid claim, the volunteers who care for them and who is assigned to whom.
-- Health data is encrypted by the service (AES-GCM) before it gets here: health_cipher is unreadable without a key
-- from the service's configuration, and health_key_id names which one.
CREATE TABLE beneficiary (
    id                   uuid          PRIMARY KEY,
    claim_id             uuid          NOT NULL UNIQUE REFERENCES claim (id),
    customer_id          varchar(64)   NOT NULL,    -- the policyholder: the household, for continuity
    full_name            varchar(200)  NOT NULL,
    date_of_birth        date,                      -- null once pseudonymised
    relationship         varchar(16)   NOT NULL,
    region               varchar(64)   NOT NULL,
    language             varchar(8)    NOT NULL,
    minor                boolean       NOT NULL,
    guardian_name        varchar(200),
    health_key_id        varchar(32),
    health_cipher        text,
    status               varchar(16)   NOT NULL,
    paid_at              timestamptz   NOT NULL,
    proposed_at          timestamptz   NOT NULL,
    consent_decision     varchar(16),
    consent_given_by     varchar(16),
    consent_recorded_at  timestamptz,
    consent_recorded_by  varchar(100),
    safeguarding         varchar(24),               -- for a minor: TWO_VOLUNTEERS or GUARDIAN_PRESENT
    care_started_at      timestamptz,               -- the first assignment after consent
    ended_at             timestamptz,
    end_reason           varchar(32),
    pseudonymised_at     timestamptz,
    version              bigint        NOT NULL DEFAULT 0
);
CREATE INDEX ix_beneficiary_status ON beneficiary (status, proposed_at);
CREATE INDEX ix_beneficiary_customer ON beneficiary (customer_id);

-- Who read a beneficiary's health data, when, and why: every read, in the transaction that read it.
CREATE TABLE health_read_audit (
    id              uuid          PRIMARY KEY,
    beneficiary_id  uuid          NOT NULL REFERENCES beneficiary (id),
    reader          varchar(100)  NOT NULL,
    reader_role     varchar(16)   NOT NULL,
    purpose         varchar(24)   NOT NULL,
    read_at         timestamptz   NOT NULL
);
CREATE INDEX ix_health_read_audit_beneficiary ON health_read_audit (beneficiary_id, read_at);

-- One row per criterion a beneficiary met, with no link to the person: the statistics outlive an erasure.
CREATE TABLE eligibility_fact (
    id           uuid         PRIMARY KEY,
    criterion    varchar(24)  NOT NULL,
    region       varchar(64)  NOT NULL,
    proposed_at  timestamptz  NOT NULL
);
CREATE INDEX ix_eligibility_fact_time ON eligibility_fact (proposed_at);

CREATE TABLE volunteer (
    id                          uuid          PRIMARY KEY,
    username                    varchar(100)  UNIQUE,      -- their sign-in (token's preferred_username), if they have one
    full_name                   varchar(200)  NOT NULL,
    kind                        varchar(24)   NOT NULL,
    region                      varchar(64)   NOT NULL,
    languages                   varchar(200)  NOT NULL,    -- comma-separated ISO 639-1 codes
    skills                      varchar(500)  NOT NULL,    -- comma-separated
    availability                varchar(200),
    capacity                    integer       NOT NULL CHECK (capacity >= 0),
    training_expires_on         date,
    background_check_expires_on date,
    status                      varchar(16)   NOT NULL,
    enrolled_at                 timestamptz   NOT NULL,
    left_at                     timestamptz,
    version                     bigint        NOT NULL DEFAULT 0
);
CREATE INDEX ix_volunteer_region ON volunteer (region, status);

CREATE TABLE assignment (
    id                    uuid          PRIMARY KEY,
    beneficiary_id        uuid          NOT NULL REFERENCES beneficiary (id),
    volunteer_id          uuid          NOT NULL REFERENCES volunteer (id),
    assigned_at           timestamptz   NOT NULL,
    assigned_by           varchar(100)  NOT NULL,
    handover_proposed_at  timestamptz,              -- the volunteer paused or left: someone must take over
    ended_at              timestamptz,
    end_reason            varchar(24)
);
-- a volunteer is assigned to a beneficiary at most once at a time
CREATE UNIQUE INDEX uq_assignment_active ON assignment (beneficiary_id, volunteer_id) WHERE ended_at IS NULL;
CREATE INDEX ix_assignment_volunteer ON assignment (volunteer_id) WHERE ended_at IS NULL;
