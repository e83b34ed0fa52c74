package de.amtsraum.rights;

import java.time.Instant;
import java.util.Map;

/**
 * Restriction (Art. 18), objection (Art. 21), correction (Art. 16) and withdrawal of consent
 * (Art. 7(3)) for one person. Each is recorded as an event without personal data (who asked through
 * which channel, which subjects); corrections as correcting events of the record's own stream.
 */
public interface ProcessingControls {

    /** Restricts processing of all the person's subjects; idempotent. */
    void restrict(Person person, RequestChannel channel);

    /** Lifts a restriction (the citizen, or staff after the contested accuracy is settled); idempotent. */
    void liftRestriction(Person person, RequestChannel channel);

    /**
     * Records an objection: processing stops as under a restriction until staff decide (an inbox
     * request is opened with the deadline). {@code grounds} is the citizen's text, sealed.
     */
    void object(Person person, String grounds, RequestChannel channel);

    /** Corrects fields of one record; see {@link de.amtsraum.privacy.SubjectRecordChanges#correct}. */
    void correct(Person person, String source, String recordId, Map<String, String> values, RequestChannel channel);

    /** Withdraws the consent of one record; see {@link de.amtsraum.privacy.SubjectRecordChanges#withdrawConsent}. */
    void withdrawConsent(Person person, String source, String recordId, RequestChannel channel);

    Status status(Person person);

    /** @param restrictedSince null when not restricted; @param objectedSince null without an undecided objection */
    record Status(Instant restrictedSince, Instant objectedSince) {
    }
}
