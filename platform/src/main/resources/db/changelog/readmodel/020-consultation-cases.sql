--liquibase formatted sql

--changeset amtsraum:readmodel-020-consultation-cases
-- Staff view of consultation cases (Beratungsfälle, consultation module, ADR 0015). One row per
-- case; subject_id is the case's own pseudonymous data subject (its CONVERSATION key seals the
-- conversation data), citizen_subject_id the booking subject of the appointment that opened it
-- (a pseudonymous link, null for cases staff opened). Plain columns hold no personal data: the
-- kind of ID document shown and the outcome summary are sealed values (ar1:<category>:...), opened
-- on query with the case subject's key and rewritten to the redaction value when it is shredded.
-- retention_due_at is the deadline the tenant's CASE_LAST_ACTIVITY / CASE_ARCHIVED rule gives the
-- case's conversation data (null when the tenant declares no such rule).
CREATE TABLE consultation_case (
    case_id                 VARCHAR(64)   NOT NULL,
    tenant_id               VARCHAR(40)   NOT NULL,
    subject_id              VARCHAR(64)   NOT NULL,
    citizen_subject_id      VARCHAR(64),
    origin                  VARCHAR(20)   NOT NULL,
    appointment_id          VARCHAR(64),
    service_id              VARCHAR(64),
    status                  VARCHAR(20)   NOT NULL,
    opened_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    last_activity_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    retention_due_at        TIMESTAMP WITH TIME ZONE,
    outcome                 VARCHAR(20),
    outcome_summary         TEXT,
    identity_document_shown BOOLEAN       NOT NULL DEFAULT FALSE,
    identity_document       TEXT,
    calls                   INTEGER       NOT NULL DEFAULT 0,
    last_call_outcome       VARCHAR(20),
    closed_by               VARCHAR(30),
    archived_at             TIMESTAMP WITH TIME ZONE,
    handover_id             VARCHAR(64),
    handed_over_at          TIMESTAMP WITH TIME ZONE,
    erased_at               TIMESTAMP WITH TIME ZONE,
    CONSTRAINT consultation_case_pk PRIMARY KEY (case_id)
);
CREATE INDEX consultation_case_tenant_ix ON consultation_case (tenant_id, status, last_activity_at);
CREATE INDEX consultation_case_subject_ix ON consultation_case (tenant_id, subject_id);

-- Notes of a case in the order written (position 1, 2, ...): the text is a sealed value only (never
-- plaintext in the database).
CREATE TABLE consultation_note (
    note_id              VARCHAR(64)   NOT NULL,
    case_id              VARCHAR(64)   NOT NULL,
    tenant_id            VARCHAR(40)   NOT NULL,
    subject_id           VARCHAR(64)   NOT NULL,
    position             INTEGER       NOT NULL,
    text                 TEXT          NOT NULL,
    marked_for_handover  BOOLEAN       NOT NULL,
    added_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT consultation_note_pk PRIMARY KEY (note_id)
);
CREATE UNIQUE INDEX consultation_note_case_ix ON consultation_note (case_id, position);
CREATE INDEX consultation_note_subject_ix ON consultation_note (tenant_id, subject_id);
