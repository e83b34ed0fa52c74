package de.amtsraum.notification;

import static de.amtsraum.notification.MailFixtures.APPOINTMENT_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.support.PlatformTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** No SMTP host: each message lands as an .eml file under data/mail, and the log names no recipient. */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class MailCaptureIT {

    @Autowired
    Mailer mailer;
    @Autowired
    RuntimeProperties runtime;

    @Test
    void capturesMailAsEmlFileAndLogsNoPersonalData(CapturedOutput output) throws Exception {
        String messageId = mailer.send(APPOINTMENT_MAIL);

        try (Stream<Path> files = Files.list(runtime.resolve("mail"))) {
            List<Path> eml = files.filter(file -> contains(file, messageId)).toList();
            assertThat(eml).singleElement().satisfies(file -> {
                assertThat(file.getFileName().toString()).endsWith(".eml").doesNotContain("mustermann");
                assertThat(Files.readString(file)).contains("To: erika.mustermann@example.org").contains("termin.ics");
            });
        }
        assertThat(output.getAll()).contains(messageId).doesNotContain("mustermann").doesNotContain("Termin am");
        assertThat(output.getOut().lines().filter(line -> !line.isBlank()))
                .as("log lines are JSON objects").allSatisfy(line -> assertThat(line).startsWith("{\"@timestamp\""));
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException unreadable) {
            return false;
        }
    }
}
