--liquibase formatted sql

--changeset amtsraum:rowsecurity-060-admin
-- Tenant isolation of the admin console's tables, as for request_log (ADR 0012).
ALTER TABLE admin_draft ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_draft_tenant ON admin_draft
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE admin_audit ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_audit_tenant ON admin_audit
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
