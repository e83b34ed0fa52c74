package de.amtsraum.privacy.internal;

import java.nio.charset.StandardCharsets;

/** Identifies one data key. Its parts are bound into every ciphertext as associated data. */
record SubjectKeyId(String tenantId, String subjectId, String categoryId) {

    byte[] keyAssociatedData() {
        return (tenantId + "|" + subjectId + "|" + categoryId).getBytes(StandardCharsets.UTF_8);
    }

    byte[] fieldAssociatedData(String field) {
        return (tenantId + "|" + subjectId + "|" + categoryId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Of the values of several fields sealed together ({@code ar2:}): {@code tenant|subject|category|[a,b,c]}.
     * The brackets keep it apart from any field's associated data (field names hold no brackets).
     */
    byte[] groupAssociatedData(String fieldList) {
        return (tenantId + "|" + subjectId + "|" + categoryId + "|[" + fieldList + "]").getBytes(StandardCharsets.UTF_8);
    }
}
