--liquibase formatted sql

--changeset amtsraum:readmodel-007-account-terms
-- Terms of use on citizen accounts: the version last accepted (not personal: a hash prefix of the
-- tenant's text) and when; the citizen's minimum-age statement from the registration, sealed like
-- the other personal columns and redacted with them. All null where the tenant has no such feature.
ALTER TABLE citizen_account ADD COLUMN terms_version VARCHAR(40);
ALTER TABLE citizen_account ADD COLUMN terms_accepted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE citizen_account ADD COLUMN age_confirmation TEXT;
