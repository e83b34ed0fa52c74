--liquibase formatted sql

--changeset amtsraum:readmodel-001-tenant-directory
-- Projection of the Tenant aggregate: one row per onboarded authority. Holds no citizen data.
CREATE TABLE tenant_directory (
    tenant_id         VARCHAR(40)   NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    manifest          JSONB         NOT NULL,
    manifest_hash     VARCHAR(64)   NOT NULL,
    manifest_revision INTEGER       NOT NULL,
    onboarded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT tenant_directory_pk PRIMARY KEY (tenant_id)
);
