/**
 * Privacy kernel: declaring personal data on events, per-subject data keys (crypto-shredding),
 * the serializer that encrypts personal fields on every write path, redaction after erasure, and
 * the retention engine that shreds on the tenant's schedule.
 */
package de.amtsraum.privacy;
