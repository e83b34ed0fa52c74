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
}
