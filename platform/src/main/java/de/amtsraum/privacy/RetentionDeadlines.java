package de.amtsraum.privacy;

/** The retention engine's clockwork, for operations and tests: run what is due now. */
public interface RetentionDeadlines {

    /** Executes every retention deadline due by the application clock; returns how many ran. */
    int runDue();
}
