-- The SLA clock (README "SLA clock"): policies matched by category, priority and channel, and the business calendars
-- their targets may be counted in. A null match attribute matches any value; the most specific policy wins.
CREATE TABLE sla_calendar (
    id        varchar(40)  PRIMARY KEY,
    name      varchar(100) NOT NULL,
    timezone  varchar(64)  NOT NULL            -- an IANA zone id, e.g. Europe/Moscow
);

-- several periods a day (around lunch, say); local wall-clock times in the calendar's zone, start < end
CREATE TABLE sla_calendar_period (
    calendar_id varchar(40) NOT NULL REFERENCES sla_calendar (id) ON DELETE CASCADE,
    day_of_week smallint    NOT NULL CHECK (day_of_week BETWEEN 1 AND 7), -- ISO-8601: 1 = Monday
    starts_at   time        NOT NULL,
    ends_at     time        NOT NULL,
    PRIMARY KEY (calendar_id, day_of_week, starts_at),
    CHECK (ends_at > starts_at)
);

CREATE TABLE sla_calendar_holiday (
    calendar_id varchar(40)  NOT NULL REFERENCES sla_calendar (id) ON DELETE CASCADE,
    day         date         NOT NULL,
    name        varchar(100) NOT NULL,
    PRIMARY KEY (calendar_id, day)
);

CREATE TABLE sla_policy (
    id                          varchar(40)  PRIMARY KEY,
    name                        varchar(100) NOT NULL,
    category                    varchar(16),
    priority                    varchar(16),
    channel                     varchar(16),
    first_reply_target_minutes  integer      NOT NULL CHECK (first_reply_target_minutes > 0),
    resolution_target_minutes   integer      NOT NULL CHECK (resolution_target_minutes > 0),
    calendar_id                 varchar(40)  REFERENCES sla_calendar (id), -- null: calendar hours
    CONSTRAINT uq_sla_policy_match UNIQUE NULLS NOT DISTINCT (category, priority, channel)
);

INSERT INTO sla_calendar VALUES ('office-moscow', 'Moscow care office', 'Europe/Moscow');
INSERT INTO sla_calendar_period
SELECT 'office-moscow', d, p.starts_at, p.ends_at
FROM generate_series(1, 5) AS d,
     (VALUES (time '09:00', time '12:00'), (time '13:00', time '18:00')) AS p (starts_at, ends_at);
INSERT INTO sla_calendar_holiday VALUES
    ('office-moscow', '2026-11-04', 'Unity Day'),
    ('office-moscow', '2026-12-31', 'New Year''s Eve'),
    ('office-moscow', '2027-01-01', 'New Year holidays'),
    ('office-moscow', '2027-01-02', 'New Year holidays'),
    ('office-moscow', '2027-01-05', 'New Year holidays'),
    ('office-moscow', '2027-01-06', 'New Year holidays'),
    ('office-moscow', '2027-01-07', 'Orthodox Christmas'),
    ('office-moscow', '2027-01-08', 'New Year holidays');

-- the public promise: every complaint answered within 48 hours, resolved within 10 days
INSERT INTO sla_policy VALUES
    ('default', 'Every complaint: first reply within 48 h, resolved within 10 days', NULL, NULL, NULL, 2880, 14400, NULL),
    ('hotline-office-hours', 'Hotline complaints: 16 office hours to reply, 80 to resolve', NULL, NULL, 'HOTLINE', 960, 4800, 'office-moscow'),
    ('billing-urgent', 'Urgent billing complaints: first reply within 4 h, resolved within 2 days', 'BILLING', 'URGENT', NULL, 240, 2880, NULL);
