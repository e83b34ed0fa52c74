package de.amtsraum.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.awaitility.Awaitility;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real SMTP server (GreenMail) on 127.0.0.1 for tests that check mail delivery end to end. */
public final class Smtp {

    private Smtp() {
    }

    /** A server on a free port; start it with {@link #startFor(GreenMail, DynamicPropertyRegistry)}. */
    public static GreenMail server() {
        return new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    /** Starts the server and points the platform's mail settings at it (call from a {@code @DynamicPropertySource}). */
    public static void startFor(GreenMail smtp, DynamicPropertyRegistry registry) {
        smtp.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    /** The newest mail to the recipient whose subject starts so, waiting up to 30 seconds for it. */
    public static MimeMessage await(GreenMail smtp, String recipient, String subjectStart) {
        List<MimeMessage> found = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Arrays.stream(smtp.getReceivedMessages())
                        .filter(m -> recipient(m).equals(recipient) && BookingFixtures.subject(m).startsWith(subjectStart))
                        .toList(), messages -> !messages.isEmpty());
        assertThat(found).as("mail '" + subjectStart + "'").isNotEmpty();
        return found.getLast();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
