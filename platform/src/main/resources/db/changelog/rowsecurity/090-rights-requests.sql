--liquibase formatted sql

--changeset amtsraum:rowsecurity-090-rights-requests
-- Tenant isolation of the rights inbox, as for legal_hold (ADR 0012).
ALTER TABLE rights_request ENABLE ROW LEVEL SECURITY;
CREATE POLICY rights_request_tenant ON rights_request
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
