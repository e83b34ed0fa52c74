package de.amtsraum.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;

final class MailFixtures {

    static final OutgoingMail APPOINTMENT_MAIL = new OutgoingMail("erika.mustermann@example.org",
            "Ihr Termin am 3. Dezember", "Guten Tag Frau Mustermann, ...",
            List.of(new OutgoingMail.Attachment("termin.ics", "text/calendar",
                    "BEGIN:VCALENDAR".getBytes(StandardCharsets.UTF_8))));

    private MailFixtures() {
    }
}
