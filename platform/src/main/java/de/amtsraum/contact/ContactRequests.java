package de.amtsraum.contact;

import java.util.List;

/** The contact-request use cases, for the API and the pages. */
public interface ContactRequests {

    /** Validates, stores and confirms by mail; returns the request id. Nothing is stored when invalid. */
    String submit(String tenantId, ContactForm form, Submission submission);

    List<ContactRequestView> list(String tenantId);

    ContactRequestView get(String tenantId, String requestId);

    /** Staff conclude the conversation; false if it was concluded or withdrawn before. */
    boolean conclude(String tenantId, String requestId);

    /** The citizen withdraws through the signed link of the confirmation mail; idempotent. */
    void withdraw(String tenantId, String withdrawalToken);

    /** Technical data of the submission (edge data, its own category). */
    record Submission(String ipAddress, String userAgent) {
    }
}
