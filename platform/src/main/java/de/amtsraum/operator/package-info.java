/**
 * Operator console and operator life-cycle API: the platform operator lists the tenants, onboards one
 * by uploading its manifest (the same rules and messages as the operator API), suspends and resumes a
 * tenant (its pages answer 503, nothing is deleted) and offboards it: the tenant is recorded as
 * offboarded and its keys are erased, so every personal field of it becomes unreadable (ADR 0022).
 * Pages under {@code /betrieb/**} (operator sign-in, see identity), API under
 * {@code /api/v1/operator/tenants/{id}/…}.
 */
package de.amtsraum.operator;
