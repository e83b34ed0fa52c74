--liquibase formatted sql

--changeset amtsraum:rowsecurity-081-rights-subject
-- Tenant isolation of the rights registry, as for request_log (ADR 0012).
ALTER TABLE rights_subject ENABLE ROW LEVEL SECURITY;
CREATE POLICY rights_subject_tenant ON rights_subject
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
