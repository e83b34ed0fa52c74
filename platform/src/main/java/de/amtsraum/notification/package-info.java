/**
 * Outgoing mail. With an SMTP host configured ({@code spring.mail.host}) mail is sent there;
 * without one, each message is captured as an {@code .eml} file under {@code <data-dir>/mail/}.
 * Logs name the message file or id, never a recipient or subject.
 */
package de.amtsraum.notification;
