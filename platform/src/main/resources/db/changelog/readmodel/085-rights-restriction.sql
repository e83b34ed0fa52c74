--liquibase formatted sql

--changeset amtsraum:readmodel-085-rights-restriction
-- Restrictions (Art. 18 GDPR) and undecided objections (Art. 21) per data subject (module rights),
-- projected from ProcessingRestricted, ObjectionRecorded and RestrictionLifted. While a row with
-- lifted_at NULL exists, ProcessingRestrictions.restricted answers true: no handover, no reminder
-- or staff-cancellation mail, no staff change of the subject's case. Rows stay after lifting (the
-- accountability record). No citizen data: pseudonymous subject ids, kind, channel, times.
CREATE TABLE rights_restriction (
    id          BIGSERIAL    NOT NULL,
    tenant_id   VARCHAR(40)  NOT NULL,
    subject_id  VARCHAR(64)  NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    since       TIMESTAMP WITH TIME ZONE NOT NULL,
    lifted_at   TIMESTAMP WITH TIME ZONE,
    channel     VARCHAR(20)  NOT NULL,
    CONSTRAINT rights_restriction_pk PRIMARY KEY (id)
);
CREATE UNIQUE INDEX rights_restriction_in_force_uq ON rights_restriction (tenant_id, subject_id, kind)
    WHERE lifted_at IS NULL;

--changeset amtsraum:readmodel-086-handover-withheld
-- Handovers the handover-publisher did not send because the case subject's processing was
-- restricted when it got to them (a restriction recorded between staff pressing "hand over" and the
-- publisher). Not silently lost: staff see it here; the handover stays unsent. No personal data.
CREATE TABLE handover_withheld (
    tenant_id    VARCHAR(40)  NOT NULL,
    handover_id  VARCHAR(64)  NOT NULL,
    case_id      VARCHAR(64)  NOT NULL,
    withheld_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT handover_withheld_pk PRIMARY KEY (handover_id)
);
