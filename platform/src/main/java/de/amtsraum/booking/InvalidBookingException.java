package de.amtsraum.booking;

import de.amtsraum.shared.web.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The booking form has errors; nothing was stored and no slot held. */
public class InvalidBookingException extends ProblemException {

    private final transient List<BookingForm.Problem> problems;

    public InvalidBookingException(List<BookingForm.Problem> problems) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "invalid-booking", "Invalid booking",
                "The booking has " + problems.size() + " error(s); see errors. Nothing was stored.");
        this.problems = List.copyOf(problems);
    }

    public List<BookingForm.Problem> problems() {
        return problems;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("errors", problems);
    }
}
