package de.amtsraum.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the .eml files the platform captured (no SMTP host configured). */
public final class CapturedMail {

    private CapturedMail() {
    }

    /** The newest captured message to {@code recipient}, as text. */
    public static Optional<String> latestTo(Path mailDirectory, String recipient) {
        if (!Files.isDirectory(mailDirectory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(mailDirectory)) {
            return files.sorted(Comparator.comparing(Path::getFileName).reversed())
                    .map(CapturedMail::read)
                    .filter(text -> text.contains("To: " + recipient))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first value of a query parameter in a link of the (quoted-printable decoded) mail. */
    public static Optional<String> parameter(String mail, String name) {
        String unfolded = mail.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
        Matcher matcher = Pattern.compile("[?&]" + name + "=([A-Za-z0-9_\\-.]+)").matcher(unfolded);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
