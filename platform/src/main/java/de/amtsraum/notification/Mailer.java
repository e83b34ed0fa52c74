package de.amtsraum.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/** Sends {@link OutgoingMail} through whichever {@link JavaMailSender} is configured (SMTP or capture). */
@Service
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JavaMailSender sender;
    private final MailProperties properties;

    Mailer(JavaMailSender sender, MailProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    /** @return the Message-ID, safe to log and to store */
    public String send(OutgoingMail mail) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(),
                    StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), false);
            for (OutgoingMail.Attachment attachment : mail.attachments()) {
                helper.addAttachment(attachment.fileName(), new ByteArrayResource(attachment.content()),
                        attachment.contentType());
            }
            message.saveChanges();
            // Jakarta Mail's default Message-ID names the OS user and host; use an opaque one.
            String messageId = "<" + UUID.randomUUID() + "@" + domainOf(properties.from()) + ">";
            message.setHeader("Message-ID", messageId);
            sender.send(message);
            log.info("Mail {} handed over", messageId);
            return messageId;
        } catch (MessagingException malformed) {
            throw new MailPreparationException("mail could not be prepared: " + malformed.getClass().getSimpleName());
        }
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "amtsraum.localhost" : address.substring(at + 1).replace(">", "");
    }
}
