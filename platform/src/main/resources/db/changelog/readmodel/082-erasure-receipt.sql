--liquibase formatted sql

--changeset amtsraum:readmodel-082-erasure-receipt
-- Receipts of erasure requests (issue 8, ADR 0023): what was erased and when, never a value. Kept
-- after the erasure (no personal data: pseudonymous subject ids, record types, category ids) so a
-- second request answers with the same receipt. items is the JSON of ErasureReceipt.erased/kept.
CREATE TABLE erasure_receipt (
    receipt_id     VARCHAR(40)  NOT NULL,
    tenant_id      VARCHAR(40)  NOT NULL,
    anchor_subject VARCHAR(64)  NOT NULL,
    erased_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    channel        VARCHAR(20)  NOT NULL,
    items          TEXT         NOT NULL,
    CONSTRAINT erasure_receipt_pk PRIMARY KEY (receipt_id)
);
CREATE TABLE erasure_receipt_subject (
    tenant_id   VARCHAR(40) NOT NULL,
    subject_id  VARCHAR(64) NOT NULL,
    receipt_id  VARCHAR(40) NOT NULL,
    CONSTRAINT erasure_receipt_subject_pk PRIMARY KEY (tenant_id, subject_id)
);
