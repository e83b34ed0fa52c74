/**
 * Identity and access: who may call which API. Bearer tokens (OAuth2 resource server) for operator,
 * staff and tenant-admin endpoints, tenant isolation on every tenant path, and, when no external
 * issuer is configured, an embedded authorization server for local use.
 */
package de.amtsraum.identity;
