--liquibase formatted sql

--changeset amtsraum:readmodel-006-request-log
-- Request logs (edge module): one row per request to a citizen page or the API. Written in batches
-- off the request thread. No query strings, no ids or tokens from the path (path_template holds the
-- route, e.g. /{tenant}/termin/{service}), the IP address with its host part zeroed (IPv4 /24,
-- IPv6 /48), the user agent as browser and OS family only. tenant_id is null for requests outside
-- a known tenant (the platform bucket). Rows are deleted, or for an ANONYMISE rule stripped of ip,
-- browser and os, by the COLLECTED rule of the tenant's category covering ACCESS_LOG.
CREATE TABLE request_log (
    tenant_id      VARCHAR(40),
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    method         VARCHAR(10)  NOT NULL,
    path_template  VARCHAR(300) NOT NULL,
    status         SMALLINT     NOT NULL,
    duration_ms    INTEGER      NOT NULL,
    ip             VARCHAR(45),
    browser        VARCHAR(20),
    os             VARCHAR(20)
);
CREATE INDEX request_log_tenant_at_ix ON request_log (tenant_id, at);
CREATE INDEX request_log_at_ix ON request_log (at);
