package de.amtsraum.observability;

/**
 * The gauges computed from the database (overdue retention deadlines, processor lag, handover
 * delivery lag). They are refreshed on a schedule ({@code amtsraum.observability.gauge-refresh}),
 * so a scrape never queries the database; {@link #refresh()} recomputes them now.
 */
public interface MetricGauges {

    /** Runs the gauge queries once and publishes their results. */
    void refresh();
}
