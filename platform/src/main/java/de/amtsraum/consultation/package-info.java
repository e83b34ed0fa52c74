/**
 * Consultation cases (Beratungsfälle, issue 6): one event stream per case and tenant, opened by a
 * booked video or on-site consultation or by staff; conversation data (notes, outcome, a note that an
 * ID document was shown) sealed in the tenant's CONVERSATION category under the case's own data
 * subject; staff archive a case or hand it over to a specialist system (see
 * {@link de.amtsraum.consultation.ConsultationCaseHandedOver}).
 */
package de.amtsraum.consultation;
