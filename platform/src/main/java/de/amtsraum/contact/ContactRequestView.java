package de.amtsraum.contact;

import java.time.Instant;

/**
 * A contact request as staff see it: the content, opened with the subject's key, or the redaction
 * value once erased. The technical submission data is not shown to staff.
 */
public record ContactRequestView(String id, String status, Instant submittedAt, Instant concludedAt,
                                 String lastName, String firstName, String email, String message,
                                 String street, String houseNumber, String postalCode, String town) {
}
