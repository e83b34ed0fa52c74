--liquibase formatted sql

--changeset amtsraum:rowsecurity-050-privacy-notices
-- Tenant isolation of the published notices, as for request_log (ADR 0012).
ALTER TABLE privacy_notice_version ENABLE ROW LEVEL SECURITY;
CREATE POLICY privacy_notice_version_tenant ON privacy_notice_version
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
