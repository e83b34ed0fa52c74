--liquibase formatted sql

--changeset amtsraum:readmodel-090-rights-requests
-- Staff inbox of data-subject requests (issue 8, ADR 0025). Personal columns hold only sealed values
-- (ar1:rights-requests:...) of the request's own subject; after a shred the redaction value.
CREATE TABLE rights_request (
    request_id           VARCHAR(64)  NOT NULL,
    tenant_id            VARCHAR(40)  NOT NULL,
    subject_id           VARCHAR(64)  NOT NULL,
    type                 VARCHAR(20)  NOT NULL,
    channel              VARCHAR(20)  NOT NULL,
    received_on          DATE         NOT NULL,
    deadline             DATE         NOT NULL,
    extended             BOOLEAN      NOT NULL DEFAULT FALSE,
    status               VARCHAR(20)  NOT NULL,
    verification         VARCHAR(30),
    outcome              VARCHAR(20),
    reason_code          VARCHAR(40),
    concerned_subject_id VARCHAR(64),
    objection_id         VARCHAR(64),
    opened_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at            TIMESTAMP WITH TIME ZONE,
    requester_name       TEXT,
    requester_contact    TEXT,
    description          TEXT,
    verification_note    TEXT,
    extension_reason     TEXT,
    closing_note         TEXT,
    CONSTRAINT rights_request_pk PRIMARY KEY (request_id)
);
CREATE INDEX rights_request_open_ix ON rights_request (status, deadline);
CREATE INDEX rights_request_tenant_ix ON rights_request (tenant_id, deadline);
