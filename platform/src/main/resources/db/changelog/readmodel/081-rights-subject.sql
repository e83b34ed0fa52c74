--liquibase formatted sql

--changeset amtsraum:readmodel-081-rights-subject
-- Registry of the data subjects the rights module can find a person by (issue 8, ADR 0023): one row
-- per record that carries a subject. email_index is a keyed HMAC blind index of the normalised
-- e-mail address (personal data itself: cleared when the category holding the address is shredded,
-- the row stays so the case link still resolves); email_category_id names that category.
-- linked_subject_id: for consultation cases the citizen subject they were opened from.
CREATE TABLE rights_subject (
    tenant_id          VARCHAR(40)  NOT NULL,
    subject_id         VARCHAR(64)  NOT NULL,
    source             VARCHAR(20)  NOT NULL,
    record_id          VARCHAR(64)  NOT NULL,
    email_index        VARCHAR(64),
    email_category_id  VARCHAR(60),
    linked_subject_id  VARCHAR(64),
    registered_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT rights_subject_pk PRIMARY KEY (tenant_id, source, record_id)
);
CREATE INDEX rights_subject_subject_idx ON rights_subject (tenant_id, subject_id);
CREATE INDEX rights_subject_email_idx ON rights_subject (tenant_id, email_index);
CREATE INDEX rights_subject_linked_idx ON rights_subject (tenant_id, linked_subject_id);
