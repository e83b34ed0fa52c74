package de.amtsraum.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Writes each message as an RFC 5322 {@code .eml} file instead of sending it. File names carry a
 * time stamp and a random id only, so a directory listing reveals nothing about recipients.
 */
final class CapturingMailSender extends JavaMailSenderImpl {

    private static final Logger log = LoggerFactory.getLogger(CapturingMailSender.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path directory;
    private final Clock clock;

    CapturingMailSender(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    protected void doSend(MimeMessage[] mimeMessages, Object[] originalMessages) {
        for (MimeMessage message : mimeMessages) {
            Path file = directory.resolve(STAMP.format(clock.instant()) + "-" + UUID.randomUUID() + ".eml");
            try {
                Files.createDirectories(directory);
                // Written beside the folder, then moved in: a reader of the folder never sees half a mail.
                Path partial = Files.createTempFile(directory.toAbsolutePath().getParent(), ".mail-", ".partial");
                try {
                    try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.TRUNCATE_EXISTING)) {
                        message.writeTo(out);
                    }
                    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(partial);
                }
            } catch (IOException | MessagingException failed) {
                throw new MailSendException("could not capture mail: " + failed.getClass().getSimpleName());
            }
            log.info("Mail captured as {} (no SMTP host configured)", file.getFileName());
        }
    }
}
