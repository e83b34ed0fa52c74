--liquibase formatted sql

--changeset amtsraum:readmodel-007-citizen-block
-- Blocks for misuse (moderation context). address_index is the keyed hash (HMAC-SHA256 under the
-- installation's blind-index secret) of the blocked citizen's e-mail address: the block is enforced
-- by it, so it stays as long as the block row stays (a permanent block keeps it for good).
-- reason is sealed (ar1:<category>:...) under the evidence subject in the category covering
-- ABUSE_EVIDENCE and becomes the redaction value when that category is shredded (Leer: 30 days
-- after the block). blocked_until null = permanent; lifted_at set when staff lift the block.
CREATE TABLE citizen_block (
    block_id             VARCHAR(64)  NOT NULL,
    tenant_id            VARCHAR(40)  NOT NULL,
    evidence_subject_id  VARCHAR(64)  NOT NULL,
    address_index        VARCHAR(64)  NOT NULL,
    source               VARCHAR(16)  NOT NULL,
    reason               TEXT         NOT NULL,
    has_screenshot       BOOLEAN      NOT NULL,
    blocked_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    blocked_until        TIMESTAMP WITH TIME ZONE,
    lifted_at            TIMESTAMP WITH TIME ZONE,
    CONSTRAINT citizen_block_pk PRIMARY KEY (block_id)
);
CREATE INDEX citizen_block_address_ix ON citizen_block (tenant_id, address_index);
CREATE INDEX citizen_block_subject_ix ON citizen_block (tenant_id, evidence_subject_id);
