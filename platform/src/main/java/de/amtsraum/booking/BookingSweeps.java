package de.amtsraum.booking;

/** The booking context's clockwork, for operations and tests: run what is due by the application clock. */
public interface BookingSweeps {

    /** Expires every unconfirmed hold whose time is up, freeing its slot; returns how many. */
    int expireHolds();

    /** Sends every reminder that is due; returns how many. */
    int sendReminders();
}
