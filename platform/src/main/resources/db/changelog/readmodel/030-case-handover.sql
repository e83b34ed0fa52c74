--liquibase formatted sql

--changeset amtsraum:readmodel-030-case-handover
-- One row per consultation case handed over to the tenant's specialist system (handover module).
-- Written by the handover-publisher processor in the transaction that advances its token, right
-- before the integration event is sent to Kafka. No personal data: ids are random, the reference
-- itself is never stored, only its SHA-256 (hex), so a copy of this table does not let anyone
-- redeem. The content is read at redemption from the event (aggregate_id, sequence_number), sealed
-- with the case subject's key: shredding that key makes the handover unredeemable.
-- redeemed_at is set once, by a conditional update (redeemed_at IS NULL), when the receiver redeems.
CREATE TABLE case_handover (
    tenant_id       VARCHAR(40)  NOT NULL,
    handover_id     VARCHAR(64)  NOT NULL,
    case_id         VARCHAR(64)  NOT NULL,
    aggregate_id    VARCHAR(255) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    reference_hash  VARCHAR(64)  NOT NULL,
    published_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    redeemed_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT case_handover_pk PRIMARY KEY (handover_id),
    CONSTRAINT case_handover_reference_uk UNIQUE (reference_hash)
);
CREATE INDEX case_handover_tenant_ix ON case_handover (tenant_id, case_id);
