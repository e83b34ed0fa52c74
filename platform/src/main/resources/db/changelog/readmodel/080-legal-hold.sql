--liquibase formatted sql

--changeset amtsraum:readmodel-080-legal-hold
-- Legal holds (issue 8, Art. 17(3) GDPR): while a row with lifted_at NULL exists for a subject, no
-- erasure request and no retention deadline shreds its keys. Rows stay after lifting (who, when,
-- why): the accountability record. No citizen data: pseudonymous subject id, reason code, a file
-- reference chosen by staff, staff ids.
CREATE TABLE legal_hold (
    id          BIGSERIAL    NOT NULL,
    tenant_id   VARCHAR(40)  NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    reason      VARCHAR(30)  NOT NULL,
    reference   VARCHAR(120),
    placed_by   VARCHAR(120) NOT NULL,
    placed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_by   VARCHAR(120),
    lifted_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT legal_hold_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX legal_hold_in_force_uq ON legal_hold (tenant_id, subject_id) WHERE lifted_at IS NULL;
