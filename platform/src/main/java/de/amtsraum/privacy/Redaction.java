package de.amtsraum.privacy;

/**
 * What a personal field reads as after its key was shredded. Aggregates, projections and replays
 * get this value instead of an exception and go on; pages show it as is.
 */
public final class Redaction {

    /** The documented redaction value of every erased text field. */
    public static final String VALUE = "[gelöscht]";

    private Redaction() {
    }

    public static boolean isRedacted(String value) {
        return VALUE.equals(value);
    }
}
