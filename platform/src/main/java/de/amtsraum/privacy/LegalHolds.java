package de.amtsraum.privacy;

import java.time.Instant;
import java.util.Optional;

/**
 * Legal holds (Art. 17(3) GDPR: data needed for legal claims or a legal obligation): while a hold is
 * in force, neither an erasure request nor a retention deadline shreds the subject's keys; the
 * retention deadlines run once the hold is lifted. Staff place and lift holds with a reason code and
 * a reference; both are recorded without personal data.
 */
public interface LegalHolds {

    Optional<Hold> holdOf(String tenantId, String subjectId);

    /** Places a hold; a hold already in force stays as it is (idempotent). */
    void place(String tenantId, String subjectId, Reason reason, String reference, String placedBy);

    /** Lifts the hold in force, if any. */
    void lift(String tenantId, String subjectId, String liftedBy);

    enum Reason {
        /** Data needed to establish, exercise or defend legal claims (Art. 17(3)(e)). */
        LEGAL_CLAIMS,
        /** A statutory duty to keep the data (Art. 17(3)(b)), e.g. files of an administrative procedure. */
        LEGAL_OBLIGATION
    }

    /** @param reference file number or similar, chosen by staff; no personal data */
    record Hold(String subjectId, Reason reason, String reference, Instant placedAt) {
    }
}
