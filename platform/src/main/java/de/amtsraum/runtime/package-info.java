/**
 * Runtime defaults for a single machine: the data directory and, when no datasource is configured,
 * a real PostgreSQL started from embedded binaries that keeps its files there.
 */
package de.amtsraum.runtime;
