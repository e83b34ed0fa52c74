--liquibase formatted sql

--changeset amtsraum:readmodel-002-subject-keys
-- One data key per (tenant, subject, category), wrapped by the tenant's key-encryption key.
-- Deleting the row is the erasure of everything encrypted with it (crypto-shredding).
CREATE TABLE subject_key (
    tenant_id   VARCHAR(40)  NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    category_id VARCHAR(64)  NOT NULL,
    wrapped_key BYTEA        NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT subject_key_pk PRIMARY KEY (tenant_id, subject_id, category_id)
);

--changeset amtsraum:readmodel-002-shredded-keys
-- Tombstones: that a key existed and when and why it was destroyed. No key material.
CREATE TABLE shredded_key (
    tenant_id   VARCHAR(40)  NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    category_id VARCHAR(64)  NOT NULL,
    cause       VARCHAR(20)  NOT NULL,
    shredded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT shredded_key_pk PRIMARY KEY (tenant_id, subject_id, category_id)
);

--changeset amtsraum:readmodel-002-retention-deadlines
-- Durable retention schedule: a row per (subject, category, rule) once the rule's trigger happened.
CREATE TABLE retention_deadline (
    id          BIGSERIAL    NOT NULL,
    tenant_id   VARCHAR(40)  NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    category_id VARCHAR(64)  NOT NULL,
    trigger     VARCHAR(30)  NOT NULL,
    rule_index  INTEGER      NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT retention_deadline_pk PRIMARY KEY (id),
    CONSTRAINT retention_deadline_rule_uk UNIQUE (tenant_id, subject_id, category_id, trigger, rule_index)
);
CREATE INDEX retention_deadline_due_ix ON retention_deadline (done_at, due_at);
