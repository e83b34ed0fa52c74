--liquibase formatted sql

--changeset amtsraum:rowsecurity-030-case-handover
-- Row-level security on case_handover, as on request_log (ADR 0012; not FORCEd, so the table owner
-- is not bound today). The handover module binds the tenant (TenantRowSecurity.bind) in every
-- transaction that reads or writes the table: the publisher for the event's tenant, the redemption
-- for the tenant of the path.
ALTER TABLE case_handover ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_handover_tenant ON case_handover
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
