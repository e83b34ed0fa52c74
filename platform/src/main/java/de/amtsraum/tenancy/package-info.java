/**
 * Tenancy: authorities as tenants. Owns the manifest format, event-sourced onboarding
 * ({@link de.amtsraum.tenancy.TenantOnboarded}, {@link de.amtsraum.tenancy.TenantManifestChanged}),
 * the tenant directory read model, and the public and operator tenant APIs.
 */
package de.amtsraum.tenancy;
