--liquibase formatted sql

--changeset amtsraum:rowsecurity-020-consultation-cases
-- Row-level security for the consultation read model, as for request_log (ADR 0012): not FORCEd,
-- binding a role that does not own the tables; rows visible and writable only for the tenant set
-- with TenantRowSecurity.bind in the same transaction; fail closed without the setting.
ALTER TABLE consultation_case ENABLE ROW LEVEL SECURITY;
CREATE POLICY consultation_case_tenant ON consultation_case
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE consultation_note ENABLE ROW LEVEL SECURITY;
CREATE POLICY consultation_note_tenant ON consultation_note
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
