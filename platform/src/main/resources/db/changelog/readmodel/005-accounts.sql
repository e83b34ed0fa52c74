--liquibase formatted sql

--changeset amtsraum:readmodel-005-citizen-account
-- Citizen accounts (account context). Personal columns (username, display name, e-mail, phone,
-- password hash) hold sealed values only (ar1:...), rewritten to the redaction value when their
-- category is shredded. username_index and email_index are keyed hashes (blind indexes) for
-- login and password-reset look-ups without plaintext; they are cleared with the sealed column
-- they index. The unique constraint makes a username unique per tenant while the account's data
-- lives; after the shred the name is free again.
CREATE TABLE citizen_account (
    account_id        VARCHAR(64)  NOT NULL,
    tenant_id         VARCHAR(40)  NOT NULL,
    subject_id        VARCHAR(64)  NOT NULL,
    username_index    VARCHAR(64),
    email_index       VARCHAR(64),
    username          TEXT         NOT NULL,
    display_name      TEXT,
    email             TEXT         NOT NULL,
    phone             TEXT,
    password_hash     TEXT         NOT NULL,
    password_version  INTEGER      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    notice_version    VARCHAR(64),
    registered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    verified_at       TIMESTAMP WITH TIME ZONE,
    closed_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT citizen_account_pk PRIMARY KEY (account_id),
    CONSTRAINT citizen_account_username_uq UNIQUE (tenant_id, username_index)
);
CREATE INDEX citizen_account_email_ix ON citizen_account (tenant_id, email_index);
CREATE INDEX citizen_account_subject_ix ON citizen_account (tenant_id, subject_id);

--changeset amtsraum:readmodel-005-login-attempt
-- Login attempts (edge data of the kind ACCESS_LOG): who tried (the pseudonymous subject when the
-- account exists; account_key is a keyed hash of the name as typed, so throttling treats unknown
-- and known names alike), when, with which outcome, from which anonymised address (IPv4 /24,
-- IPv6 /48) and which browser and OS class. No plaintext name, no full address, no User-Agent
-- string. Rows are deleted once older than the tenant's log retention (the COLLECTED rule of the
-- category covering ACCESS_LOG). Throttling reads this table, so it holds across instances.
CREATE TABLE login_attempt (
    attempt_id        BIGSERIAL    NOT NULL,
    tenant_id         VARCHAR(40)  NOT NULL,
    account_key       VARCHAR(64),
    account_subject   VARCHAR(64),
    success           BOOLEAN      NOT NULL,
    outcome           VARCHAR(16)  NOT NULL,
    attempted_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    ip_address        VARCHAR(64),
    browser           VARCHAR(32),
    operating_system  VARCHAR(32),
    CONSTRAINT login_attempt_pk PRIMARY KEY (attempt_id)
);
CREATE INDEX login_attempt_account_ix ON login_attempt (tenant_id, account_key, attempted_at);
CREATE INDEX login_attempt_address_ix ON login_attempt (tenant_id, ip_address, attempted_at);
CREATE INDEX login_attempt_time_ix ON login_attempt (tenant_id, attempted_at);
