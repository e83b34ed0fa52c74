--liquibase formatted sql

--changeset amtsraum:readmodel-040-video-calls
-- Video calls (issue 6, ADR 0017). Everything here is VIDEO_SESSION data or points to it: room names,
-- LiveKit identities, guests' typed names. No tenant manifest has a VIDEO_SESSION category, so none
-- of it goes into events (they carry random ids only); the rows live at most 7 days (expires_at,
-- swept) and are deleted when LiveKit reports room_finished or staff end the call.

-- The room of a call (room rows without a call are rooms created through Rooms directly).
ALTER TABLE video_room ADD COLUMN call_id VARCHAR(40);
CREATE INDEX video_room_call_ix ON video_room (call_id);

-- One row per call: its state as the CallProjection keeps it from the call's events (no room name).
CREATE TABLE video_call (
    call_id      VARCHAR(40)  NOT NULL,
    tenant_id    VARCHAR(40)  NOT NULL,
    case_id      VARCHAR(40)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    staff_in     BOOLEAN      NOT NULL DEFAULT FALSE,
    citizen_in   BOOLEAN      NOT NULL DEFAULT FALSE,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at   TIMESTAMP WITH TIME ZONE,
    ended_at     TIMESTAMP WITH TIME ZONE,
    outcome      VARCHAR(16),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT video_call_pk PRIMARY KEY (call_id)
);
CREATE INDEX video_call_case_ix ON video_call (tenant_id, case_id, requested_at);
CREATE INDEX video_call_expiry_ix ON video_call (expires_at);

-- Who is behind a LiveKit identity: filled when a token is issued, read by the webhooks.
CREATE TABLE video_participant (
    identity       VARCHAR(64)  NOT NULL,
    tenant_id      VARCHAR(40)  NOT NULL,
    call_id        VARCHAR(40)  NOT NULL,
    room_name      VARCHAR(64)  NOT NULL,
    participant_id VARCHAR(40)  NOT NULL,
    role           VARCHAR(16)  NOT NULL,
    expires_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT video_participant_pk PRIMARY KEY (identity)
);
CREATE INDEX video_participant_call_ix ON video_participant (call_id, participant_id);

-- Invite links for extra persons (one call each).
CREATE TABLE video_invite (
    invite_id  VARCHAR(40)  NOT NULL,
    tenant_id  VARCHAR(40)  NOT NULL,
    call_id    VARCHAR(40)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT video_invite_pk PRIMARY KEY (invite_id)
);
CREATE INDEX video_invite_call_ix ON video_invite (call_id);

-- Guests in the waiting room (outside LiveKit) and after: the typed display name lives only here.
-- ticket_id is the participant id of the one ticket the guest may use; a removal clears it.
CREATE TABLE video_guest (
    guest_id     VARCHAR(40)  NOT NULL,
    tenant_id    VARCHAR(40)  NOT NULL,
    call_id      VARCHAR(40)  NOT NULL,
    display_name VARCHAR(80)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    consent      VARCHAR(16)  NOT NULL,
    ticket_id    VARCHAR(40),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT video_guest_pk PRIMARY KEY (guest_id)
);
CREATE INDEX video_guest_call_ix ON video_guest (call_id);

-- LiveKit webhook ids already accepted (replay protection); kept a little longer than the window.
CREATE TABLE video_webhook_seen (
    webhook_id  VARCHAR(80)  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT video_webhook_seen_pk PRIMARY KEY (webhook_id)
);
CREATE INDEX video_webhook_seen_received_ix ON video_webhook_seen (received_at);
