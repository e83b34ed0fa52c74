package de.amtsraum.video;

import java.time.Duration;

/**
 * The citizen's call page of a consultation case: a signed link (purpose {@code video}, id = case id;
 * no personal data) to {@code /{tenant}/video?link=…}, where the citizen waits for staff's call and
 * accepts or declines it. Offered on booking's manage page and in the confirmation mail of VIDEO
 * appointments, and on the staff call page for passing on by other means.
 */
public interface CallLinks {

    /** The path (starting with a slash) of the citizen's call page of the case, valid for {@code validity}. */
    String citizenPage(String tenantId, String caseId, Duration validity);
}
