--liquibase formatted sql

--changeset amtsraum:readmodel-007-video-rooms
-- LiveKit rooms the platform created (video module). room_name is 128 bits of server randomness in
-- base32, no personal data. A row lives until LiveKit reports room_finished, the room is deleted,
-- or expires_at (at most 7 days after creation) passes; then the sweep deletes the room on the
-- server and the row. Join tokens are issued only for rooms that have a row here.
CREATE TABLE video_room (
    room_name  VARCHAR(64)  NOT NULL,
    tenant_id  VARCHAR(40)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT video_room_pk PRIMARY KEY (room_name)
);
CREATE INDEX video_room_expiry_ix ON video_room (expires_at);
