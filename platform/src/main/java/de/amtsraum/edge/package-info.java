/**
 * Edge data: what the platform records about requests themselves, apart from any business flow.
 * A servlet filter writes one request-log record per request to a citizen page or the API (time,
 * tenant, method, route template without query string or ids, status, duration, anonymised IP,
 * browser and OS family) in batches off the request thread into {@code request_log}; a scheduled
 * purge deletes (or, for an {@code ANONYMISE} rule, strips) rows by the {@code COLLECTED} rule of
 * the tenant's data category covering {@code ACCESS_LOG}, on the injected clock. Requests outside a
 * known tenant go into the platform bucket with a fixed retention.
 *
 * <p>API: {@link de.amtsraum.edge.RequestLogs} (flush and purge on demand, for operations and tests).
 * This module reads other contexts' requests only as HTTP; it knows no booking or contact internals.
 */
package de.amtsraum.edge;
