--liquibase formatted sql

--changeset amtsraum:rowsecurity-080-legal-hold
-- Tenant isolation of legal holds, as for request_log (ADR 0012).
ALTER TABLE legal_hold ENABLE ROW LEVEL SECURITY;
CREATE POLICY legal_hold_tenant ON legal_hold
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
