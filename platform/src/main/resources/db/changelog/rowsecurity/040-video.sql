--liquibase formatted sql

--changeset amtsraum:rowsecurity-040-video
-- Tenant isolation of the video tables, as for request_log (ADR 0012): not FORCEd, binding for a
-- role that does not own the tables; a row is visible only after TenantRowSecurity.bind for its tenant.
ALTER TABLE video_room ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_room_tenant ON video_room
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE video_call ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_call_tenant ON video_call
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE video_participant ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_participant_tenant ON video_participant
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE video_invite ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_invite_tenant ON video_invite
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
ALTER TABLE video_guest ENABLE ROW LEVEL SECURITY;
CREATE POLICY video_guest_tenant ON video_guest
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));
