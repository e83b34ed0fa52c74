/**
 * Online appointment booking (Online-Terminvereinbarung): the tenant's catalogue and calendar from
 * its manifest, slot search, holds confirmed by the citizen through a mailed link (double opt-in),
 * reminders, cancellation and rescheduling by the citizen, outcomes and cancellation by staff.
 * Capacity is guarded by a ledger written in the same transaction as the appointment's events, so
 * it holds across app instances sharing one database. Personal fields are sealed with the
 * subject's key; the tenant's APPOINTMENT rules erase or anonymise them, statistics survive.
 */
package de.amtsraum.booking;
