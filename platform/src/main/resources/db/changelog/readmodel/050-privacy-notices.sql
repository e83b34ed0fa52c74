--liquibase formatted sql

--changeset amtsraum:readmodel-050-privacy-notices
-- Published privacy notices (issue 7): one immutable row per version and tenant. The HTML is the
-- notice's body exactly as citizens were shown it (German, and the English rendering of the same
-- version). No citizen data: facts about the authority and who published (admin, operator or folder).
-- manifest_revision is the tenant manifest revision the version was generated from; unique, so a
-- manifest change yields at most one version (exactly once, also when an event is handled again).
CREATE TABLE privacy_notice_version (
    tenant_id         VARCHAR(40)  NOT NULL,
    number            INTEGER      NOT NULL,
    published_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    published_by      VARCHAR(200) NOT NULL,
    manifest_hash     VARCHAR(64)  NOT NULL,
    manifest_revision INTEGER      NOT NULL,
    html_de           TEXT         NOT NULL,
    html_en           TEXT         NOT NULL,
    CONSTRAINT privacy_notice_version_pk PRIMARY KEY (tenant_id, number),
    CONSTRAINT privacy_notice_version_revision_uk UNIQUE (tenant_id, manifest_revision)
);

--changeset amtsraum:readmodel-051-retention-triggered-at
-- When the trigger of a retention deadline happened (ADR 0019): a changed retention period is
-- recomputed from it for data already held. Null for deadlines scheduled before this column existed.
ALTER TABLE retention_deadline ADD COLUMN triggered_at TIMESTAMP WITH TIME ZONE;
