package de.amtsraum.booking;

import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.shared.web.ProblemType;
import org.springframework.http.HttpStatus;

/**
 * A booking request that cannot be served, as problem+json for the API and a German sentence for
 * the pages. Details never carry personal data.
 */
public class BookingException extends ProblemException {

    public enum Reason {
        NOT_OFFERED(new ProblemType(HttpStatus.NOT_FOUND, "booking-not-offered", "No online booking",
                "This authority does not offer online booking here.",
                "Diese Behörde bietet hier keine Online-Terminvereinbarung an.")),
        UNKNOWN_SERVICE(new ProblemType(HttpStatus.NOT_FOUND, "unknown-service", "Unknown service",
                "The authority offers no service with this id.",
                "Diese Dienstleistung gibt es hier nicht.")),
        INVALID_PERIOD(new ProblemType(HttpStatus.BAD_REQUEST, "invalid-period", "Invalid period",
                "Give 'from' and 'to' as YYYY-MM-DD with from <= to and at most 62 days apart.",
                "Der Zeitraum ist ungültig.")),
        SLOT_UNAVAILABLE(new ProblemType(HttpStatus.CONFLICT, "slot-unavailable", "Slot not available",
                "This slot is not bookable (full, closed, outside the booking window or too soon). Nothing was stored.",
                "Dieser Termin ist leider nicht (mehr) frei. Bitte wählen Sie einen anderen.")),
        TOO_MANY_OPEN(new ProblemType(HttpStatus.TOO_MANY_REQUESTS, "too-many-open-appointments", "Too many open appointments",
                "This e-mail address already has the maximum number of open appointments with this authority.",
                "Für diese E-Mail-Adresse sind bereits so viele Termine offen, wie die Behörde zulässt. "
                        + "Bitte sagen Sie einen Termin ab, bevor Sie einen neuen buchen.")),
        UNKNOWN_APPOINTMENT(new ProblemType(HttpStatus.NOT_FOUND, "unknown-appointment", "Unknown appointment",
                "There is no appointment for this id or link, or the link has expired.",
                "Zu diesem Link gibt es keinen Termin, oder der Link ist abgelaufen.")),
        ALREADY_CONFIRMED(new ProblemType(HttpStatus.CONFLICT, "appointment-already-confirmed", "Already confirmed",
                "The appointment was confirmed before; nothing changed.",
                "Dieser Termin ist bereits bestätigt.")),
        HOLD_EXPIRED(new ProblemType(HttpStatus.GONE, "hold-expired", "Hold expired",
                "The slot was held for a limited time only and has been released. Please book again.",
                "Die Reservierung ist abgelaufen, der Termin wurde freigegeben. Bitte buchen Sie erneut.")),
        NOT_ACTIVE(new ProblemType(HttpStatus.CONFLICT, "appointment-not-active", "Appointment not active",
                "The appointment is cancelled or over; it cannot be changed any more.",
                "Dieser Termin ist abgesagt oder vorbei und kann nicht mehr geändert werden.")),
        TERMS_CHANGED(new ProblemType(HttpStatus.CONFLICT, "terms-of-use-changed", "Terms of use changed",
                "The terms of use changed since they were shown; read the current version and accept again.",
                "Die Nutzungsbedingungen wurden inzwischen geändert. Bitte lesen Sie die aktuelle Fassung "
                        + "und stimmen Sie erneut zu.")),
        BLOCKED(new ProblemType(HttpStatus.FORBIDDEN, "blocked-for-misuse", "Blocked for misuse",
                "Mit dieser E-Mail-Adresse können wegen eines Verstoßes gegen die Nutzungsbedingungen derzeit keine "
                        + "Termine gebucht werden. Bitte wenden Sie sich direkt an die Behörde.",
                "Mit dieser E-Mail-Adresse können wegen eines Verstoßes gegen die Nutzungsbedingungen derzeit keine "
                        + "Termine gebucht werden. Bitte wenden Sie sich direkt an die Behörde.")),
        NOTICE_CHANGED(new ProblemType(HttpStatus.CONFLICT, "privacy-notice-changed", "Privacy notice changed",
                "The privacy notice changed since it was shown; read the current version and consent again.",
                "Die Datenschutzhinweise wurden inzwischen geändert. Bitte lesen Sie die aktuelle Fassung "
                        + "und stimmen Sie erneut zu."));

        private final ProblemType problem;

        Reason(ProblemType problem) {
            this.problem = problem;
        }

        public ProblemType problem() {
            return problem;
        }
    }

    private final Reason reason;

    public BookingException(Reason reason) {
        super(reason.problem());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The sentence shown on the citizen pages. */
    public String german() {
        return reason.problem().german();
    }
}
