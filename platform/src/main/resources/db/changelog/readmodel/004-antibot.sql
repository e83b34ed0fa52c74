--liquibase formatted sql

--changeset amtsraum:readmodel-004-used-bot-challenges
-- Bot challenges already accepted once (antibot module). Challenges are stateless and signed; a row
-- here makes a replay fail: the insert of an id that is present conflicts on the primary key, also
-- between instances sharing the database. Rows are purged once the challenge has expired, after
-- which it is refused for its age anyway. No personal data: the id is a hash of server randomness.
CREATE TABLE used_bot_challenge (
    challenge_id VARCHAR(64)  NOT NULL,
    tenant_id    VARCHAR(40)  NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT used_bot_challenge_pk PRIMARY KEY (challenge_id)
);
CREATE INDEX used_bot_challenge_expiry_ix ON used_bot_challenge (expires_at);
