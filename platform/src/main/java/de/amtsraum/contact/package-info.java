/**
 * Contact requests (Kontaktanfragen): a citizen writes to the authority through a form; staff read
 * and conclude the conversation, which starts the tenant's retention rule; the citizen can withdraw
 * at any time, which erases the request at once. The first flow built on the privacy kernel.
 */
package de.amtsraum.contact;
