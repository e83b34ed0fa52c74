/**
 * The event store: Axon's JDBC storage engine on PostgreSQL (tables by Liquibase, snake_case
 * names mapped here), Jackson serialization, and the rule that every event carries its tenant id
 * in payload and metadata.
 */
package de.amtsraum.eventstore;
