package de.amtsraum.edge;

/**
 * The request log ({@code request_log}). Both operations run on a schedule as well; calling them
 * is for operations and tests.
 */
public interface RequestLogs {

    /** Writes the records waiting in memory; returns how many were written. */
    int flush();

    /** Applies every tenant's log retention and the platform bucket's retention at the clock's now. */
    Purge purge();

    /** Rows deleted, and rows stripped of IP and user agent by an {@code ANONYMISE} rule. */
    record Purge(int deleted, int anonymised) {
    }
}
