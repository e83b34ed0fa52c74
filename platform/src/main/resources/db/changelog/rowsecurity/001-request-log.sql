--liquibase formatted sql

--changeset amtsraum:rowsecurity-001-request-log
-- Row-level security, proof on one table (ADR 0012). Kept apart from readmodel/ because jOOQ's
-- DDLDatabase does not parse policies. Not FORCEd: the table owner and superusers (the embedded
-- cluster's postgres role, and today the application itself) are not bound, so behaviour is
-- unchanged until the application connects as a role that does not own the tables. For such a role
-- a row is visible and writable only inside a transaction that ran
--   select set_config('app.tenant_id', '<tenant>', true)   -- TenantRowSecurity.bind
-- and only for that tenant. Without the setting, current_setting(..., true) is null or '' and no row
-- matches: fail closed. Platform-bucket rows (tenant_id null) are visible to no tenant.
ALTER TABLE request_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY request_log_tenant ON request_log
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
