/**
 * Blocking for misuse (Sperre wegen Missbrauchs): staff block a citizen for a while or for good,
 * with a reason and evidence (a screenshot today; the video room adds session id and IP address).
 * The evidence is sealed under its own pseudonymous subject in the tenant's category covering
 * ABUSE_EVIDENCE and erased by the tenant's INCIDENT_RECORDED rule; the block itself is kept in a
 * read model by a keyed hash of the citizen's e-mail address, so it outlives the evidence. Only
 * tenants whose manifest declares such a category offer blocking. The caller (booking today, the
 * video room later) ends the session or appointment and supplies the keyed hash; this module knows
 * neither appointments nor addresses.
 */
package de.amtsraum.moderation;
