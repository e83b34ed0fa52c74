package de.amtsraum.shared;

/**
 * Anything that belongs to exactly one tenant: every event, every command and every read-model row.
 * The event store refuses an event that does not implement this (see the eventstore module), and
 * copies {@link #tenantId()} into the message metadata under {@link #METADATA_KEY}.
 */
public interface TenantScoped {

    String METADATA_KEY = "tenantId";

    String tenantId();
}
