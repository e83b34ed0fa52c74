package de.amtsraum.booking.web;

import java.util.Map;
import org.springframework.stereotype.Component;

/** Placeholder until the antibot module lands: issues the page challenge and reads its solution. */
@Component
class BookingChallenge {

    Object issue(String tenantId) {
        return null;
    }

    String solution(Map<String, String> fields) {
        return fields.get("altcha");
    }

    String failureMessage() {
        return "Die Sicherheitsprüfung ist fehlgeschlagen. Bitte versuchen Sie es erneut.";
    }
}
