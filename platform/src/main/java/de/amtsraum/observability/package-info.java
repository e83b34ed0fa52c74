/**
 * Observability (issue 9, ADR 0028): health indicators for the optional outside systems (Kafka,
 * LiveKit) that show a degraded dependency without taking the instance out of service, business
 * metrics for Prometheus (bookings, shreds, overdue retention deadlines, processor lag, handover
 * delivery lag; labels only tenant, processor, cause, never ids, names or addresses), the trace id
 * of every request in the JSON log lines and in the {@code X-Trace-Id} response header, and the
 * security of a separate management port.
 * <p>API: {@link de.amtsraum.observability.MetricGauges} (refresh the database gauges on demand).
 * This module only listens: it reads other contexts' public events and read-model tables and never
 * changes them.
 */
package de.amtsraum.observability;
