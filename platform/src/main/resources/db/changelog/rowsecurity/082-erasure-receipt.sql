--liquibase formatted sql

--changeset amtsraum:rowsecurity-082-erasure-receipt
-- Tenant isolation of erasure receipts, as for request_log (ADR 0012).
ALTER TABLE erasure_receipt ENABLE ROW LEVEL SECURITY;
CREATE POLICY erasure_receipt_tenant ON erasure_receipt
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE erasure_receipt_subject ENABLE ROW LEVEL SECURITY;
CREATE POLICY erasure_receipt_subject_tenant ON erasure_receipt_subject
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
