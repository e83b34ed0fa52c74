package de.amtsraum.video;

/**
 * Video calls of consultation cases. The bean always exists; {@link #available(String)} says whether
 * a call can be offered (LiveKit configured and the tenant's {@code features.video} on). Only staff
 * start a call; the caller checks the role and that the case is open.
 */
public interface Calls {

    /** Whether video can be offered for this tenant now (configured and enabled). */
    boolean available(String tenantId);

    /**
     * Starts a call for the case: creates the LiveKit room, records the call and signals the
     * citizen's open page (Server-Sent Events), which then accepts or declines.
     *
     * @return the call id (random); the staff call page is {@code /{tenant}/mitarbeiter/video/{callId}}
     * @throws VideoException {@code NOT_CONFIGURED} when video is off, {@code VIDEO_UNAVAILABLE} when
     *                        the LiveKit server cannot be reached
     */
    String start(String tenantId, String caseId);
}
