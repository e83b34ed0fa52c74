package de.amtsraum.privacy;

import java.util.List;

/** Destroying subject keys: the erasure itself. Each call records {@link PersonalDataShredded}. */
public interface SubjectKeys {

    /** Shreds one category of a subject; idempotent (a second call records nothing). */
    void shred(String tenantId, String subjectId, String categoryId, ShredCause cause);

    /** Shreds every category of a subject; returns the categories shredded now. */
    List<String> shredAll(String tenantId, String subjectId, ShredCause cause);

    /** How many subjects still have a data key of this category (data still held under it). */
    int keysHeld(String tenantId, String categoryId);
}
