/**
 * The admin console of a tenant's admins ({@code /{tenant}/verwaltung/**}, ADR 0021): one working
 * draft per tenant (a manifest document), edited section by section in server-rendered forms,
 * previewed and published with its privacy notice through {@link de.amtsraum.notice.PrivacyNotices}.
 * Every change, discard and publication is an event ({@link de.amtsraum.admin.TenantDraftChanged},
 * {@link de.amtsraum.admin.TenantDraftDiscarded}, {@link de.amtsraum.admin.TenantDraftPublished}),
 * shown in the tenant's audit log. Holds facts about the authority only, never citizen data.
 */
package de.amtsraum.admin;
