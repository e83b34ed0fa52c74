package de.amtsraum.shared;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of consultation cases (Beratungsfälle). A case opened by a booking has an id derived from the
 * appointment's id, so the booking pages, the case and the video call can all name it without asking
 * one another (and without a dependency cycle between those modules). Both kinds are opaque UUIDs
 * carrying no personal data.
 */
public final class CaseIds {

    private CaseIds() {
    }

    /** The id of the case a booked appointment opened (name-based UUID of the appointment id). */
    public static String forAppointment(String appointmentId) {
        return UUID.nameUUIDFromBytes(("amtsraum-case|" + appointmentId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A fresh id for a case staff open themselves. */
    public static String random() {
        return UUID.randomUUID().toString();
    }
}
