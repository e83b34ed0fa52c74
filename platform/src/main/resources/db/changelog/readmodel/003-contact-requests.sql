--liquibase formatted sql

--changeset amtsraum:readmodel-003-contact-requests
-- Staff view of contact requests. Personal columns hold only sealed values (ar1:<category>:...),
-- opened on query with the subject's key; after a shred they hold the redaction value.
CREATE TABLE contact_request (
    request_id       VARCHAR(64)   NOT NULL,
    tenant_id        VARCHAR(40)   NOT NULL,
    subject_id       VARCHAR(64)   NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    submitted_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    concluded_at     TIMESTAMP WITH TIME ZONE,
    last_name        TEXT,
    first_name       TEXT,
    email            TEXT,
    message          TEXT,
    street           TEXT,
    house_number     TEXT,
    postal_code      TEXT,
    town             TEXT,
    browser          TEXT,
    operating_system TEXT,
    ip_address       TEXT,
    CONSTRAINT contact_request_pk PRIMARY KEY (request_id)
);
CREATE INDEX contact_request_tenant_ix ON contact_request (tenant_id, submitted_at);
CREATE INDEX contact_request_subject_ix ON contact_request (tenant_id, subject_id);
