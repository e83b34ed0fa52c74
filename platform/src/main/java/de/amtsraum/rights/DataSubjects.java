package de.amtsraum.rights;

import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.RetentionDeadlines;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Access (Art. 15), export (Art. 20) and erasure (Art. 17) for one person, self-service or on a
 * request handled by staff. Callers authorise: a verified rights link or account session for the
 * citizen, the staff role of the tenant for the inbox.
 */
public interface DataSubjects {

    /** The person of a subject (from a rights link or an account); empty if the tenant holds nothing of it. */
    Optional<Person> bySubject(String tenantId, String subjectId);

    /** The person with records under this e-mail address (staff, after verifying the identity); empty if none. */
    Optional<Person> byEmail(String tenantId, String email);

    /**
     * Mails a fresh rights link to the address if the tenant holds records under it; says nothing
     * about whether it does (the page answers the same either way).
     */
    void mailLink(String tenantId, String email);

    /** Everything held of the person, opened, with what happens to it when. */
    Report access(Person person);

    /** The machine-readable export (JSON, schema docs/schemas/subject-export-v1.json). */
    byte[] export(Person person);

    /**
     * Shreds every key of the person's subjects except those under a legal hold; idempotent: a second
     * call returns the receipt of the first.
     */
    ErasureReceipt erase(Person person, RequestChannel channel);

    /** The receipt of an erasure of this person, if one happened. */
    Optional<ErasureReceipt> receiptOf(Person person);

    /**
     * @param records  every record of every source
     * @param pending  open retention deadlines of the person's subjects
     * @param categories the tenant's data categories the records fall under: purposes, legal basis,
     *                   recipients, retention (from the manifest)
     */
    record Report(Person person, Instant generatedAt, List<HeldRecord> records,
                  List<RetentionDeadlines.Pending> pending, List<CategoryInfo> categories,
                  boolean restricted, boolean objected) {
    }

    record CategoryInfo(String categoryId, String name, String description, String legalBasis,
                        List<String> purposes, List<String> recipients, List<String> retention) {
    }
}
