--liquibase formatted sql

--changeset amtsraum:rowsecurity-085-rights-restriction
-- Tenant isolation of restrictions and withheld handovers, as for request_log (ADR 0012).
ALTER TABLE rights_restriction ENABLE ROW LEVEL SECURITY;
CREATE POLICY rights_restriction_tenant ON rights_restriction
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE handover_withheld ENABLE ROW LEVEL SECURITY;
CREATE POLICY handover_withheld_tenant ON handover_withheld
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
