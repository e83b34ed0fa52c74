--liquibase formatted sql

--changeset amtsraum:readmodel-005-appointment-terms
-- Terms of use version accepted with a booking (not personal) and the citizen's minimum-age
-- statement (sealed like the other personal columns).
ALTER TABLE appointment ADD COLUMN terms_version VARCHAR(40);
ALTER TABLE appointment ADD COLUMN age_confirmation TEXT;
