--liquibase formatted sql

--changeset amtsraum:readmodel-004-booking-capacity
-- Capacity ledger of the booking context (a consistency table, not a projection): one row per
-- bookable resource (a location's counters, or one staff member) and five-minute unit that holds
-- at least one appointment. Written in the same transaction as the appointment's events; a claim
-- is a conditional upsert (used < capacity) so concurrent requests from any number of app
-- instances never exceed capacity. Holds no personal data.
CREATE TABLE booking_capacity (
    tenant_id   VARCHAR(40)  NOT NULL,
    resource    VARCHAR(140) NOT NULL,
    unit_start  TIMESTAMP WITH TIME ZONE NOT NULL,
    used        INTEGER      NOT NULL,
    CONSTRAINT booking_capacity_pk PRIMARY KEY (tenant_id, resource, unit_start),
    CONSTRAINT booking_capacity_used_ck CHECK (used >= 0)
);

--changeset amtsraum:readmodel-004-appointment
-- Staff and citizen view of appointments. Personal columns hold sealed values only (ar1:...),
-- rewritten to the redaction value when their category is shredded. email_index is a keyed
-- hash (blind index) used to count a citizen's open appointments without plaintext; it is
-- cleared together with the personal columns.
CREATE TABLE appointment (
    appointment_id   VARCHAR(64)  NOT NULL,
    tenant_id        VARCHAR(40)  NOT NULL,
    subject_id       VARCHAR(64)  NOT NULL,
    service_id       VARCHAR(64)  NOT NULL,
    location_id      VARCHAR(64)  NOT NULL,
    staff_id         VARCHAR(64),
    start_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    occupied_until   TIMESTAMP WITH TIME ZONE NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    hold_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at     TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    reminder_due_at  TIMESTAMP WITH TIME ZONE,
    reminder_sent    BOOLEAN      NOT NULL DEFAULT FALSE,
    notice_version   VARCHAR(80)  NOT NULL,
    email_index      VARCHAR(64),
    name             TEXT,
    email            TEXT,
    phone            TEXT,
    concern          TEXT,
    address          TEXT,
    birth_date       TEXT,
    cancel_reason    TEXT,
    CONSTRAINT appointment_pk PRIMARY KEY (appointment_id)
);
CREATE INDEX appointment_day_ix ON appointment (tenant_id, location_id, start_at);
CREATE INDEX appointment_subject_ix ON appointment (tenant_id, subject_id);
CREATE INDEX appointment_email_ix ON appointment (tenant_id, email_index);
CREATE INDEX appointment_hold_ix ON appointment (status, hold_expires_at);
CREATE INDEX appointment_reminder_ix ON appointment (status, reminder_due_at);

--changeset amtsraum:readmodel-004-appointment-statistics
-- Counts per tenant, service, day and outcome, for statistics; no personal data, so it survives
-- every shred and anonymisation.
CREATE TABLE appointment_statistics (
    tenant_id   VARCHAR(40)  NOT NULL,
    service_id  VARCHAR(64)  NOT NULL,
    day         DATE         NOT NULL,
    outcome     VARCHAR(20)  NOT NULL,
    count       INTEGER      NOT NULL,
    CONSTRAINT appointment_statistics_pk PRIMARY KEY (tenant_id, service_id, day, outcome)
);
