package de.amtsraum.privacy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The retention engine's clockwork, for operations and tests: run what is due now. */
public interface RetentionDeadlines {

    /** Executes every retention deadline due by the application clock; returns how many ran. */
    int runDue();

    /** Open deadlines of these subjects (what will be erased or anonymised when), earliest first. */
    List<Pending> pendingFor(String tenantId, Set<String> subjectIds);

    /** @param action SHRED or ANONYMISE; @param trigger the manifest trigger the deadline came from */
    record Pending(String subjectId, String categoryId, String trigger, String action, Instant dueAt) {
    }
}
