package de.amtsraum.notification;

import static de.amtsraum.notification.MailFixtures.APPOINTMENT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.support.Smtp;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With an SMTP host configured, the same Mailer delivers over SMTP (GreenMail, a real SMTP server). */
@PlatformTest
class MailDeliveryIT {

    static final GreenMail SMTP = Smtp.server();

    @DynamicPropertySource
    static void smtpSettings(DynamicPropertyRegistry registry) {
        Smtp.startFor(SMTP, registry);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Autowired
    Mailer mailer;
    @Autowired
    RuntimeProperties runtime;

    @Test
    void deliversOverSmtpAndCapturesNothing() throws Exception {
        mailer.send(APPOINTMENT_MAIL);

        MimeMessage[] received = SMTP.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Ihr Termin am 3. Dezember");
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("erika.mustermann@example.org");
        assertThat(Files.exists(runtime.resolve("mail"))).isFalse();
    }
}
