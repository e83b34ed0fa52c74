package de.amtsraum.notification;

import java.util.List;

/**
 * A plain-text mail with optional attachments. Carries personal data (the recipient at least):
 * it is never logged.
 */
public record OutgoingMail(String to, String subject, String text, List<Attachment> attachments) {

    public OutgoingMail {
        attachments = List.copyOf(attachments == null ? List.of() : attachments);
    }

    public OutgoingMail(String to, String subject, String text) {
        this(to, subject, text, List.of());
    }

    public record Attachment(String fileName, String contentType, byte[] content) {
    }
}
