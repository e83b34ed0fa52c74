--liquibase formatted sql

--changeset amtsraum:readmodel-060-admin-drafts
-- Admin console (issue 7, ADR 0021). Facts about the authority only, never citizen data.

-- The working draft of a tenant's configuration: a manifest document (JSON, the schema of
-- tenants/*/manifest.yaml with texts and logo inline). No row = the draft is the published manifest.
-- Kept by the admin-drafts projection from TenantDraftChanged / TenantDraftDiscarded / TenantDraftPublished.
CREATE TABLE admin_draft (
    tenant_id  VARCHAR(40)  NOT NULL,
    document   TEXT         NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(120) NOT NULL,
    CONSTRAINT admin_draft_pk PRIMARY KEY (tenant_id)
);

-- The audit log of the console: who changed, discarded or published what, when (no citizen data).
-- seq keeps the order of events recorded within the same instant.
CREATE TABLE admin_audit (
    seq         BIGSERIAL    NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    tenant_id   VARCHAR(40)  NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(120) NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    section     VARCHAR(40)  NOT NULL,
    description VARCHAR(400) NOT NULL,
    CONSTRAINT admin_audit_pk PRIMARY KEY (event_id)
);
CREATE INDEX admin_audit_tenant_ix ON admin_audit (tenant_id, seq DESC);
