package de.amtsraum.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Booking requests and the mail they cause, for the booking tests. */
public final class BookingFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private BookingFixtures() {
    }

    /** A booking with exactly the fields Recklinghausen asks for (name, email, phone). */
    public static ObjectNode recklinghausen(String serviceId, String start, String email) {
        ObjectNode form = JSON.createObjectNode();
        form.put("serviceId", serviceId);
        form.put("start", start);
        form.put("name", "Erika Mustermann");
        form.put("email", email);
        form.put("phone", "02361 50-0");
        form.put("consent", true);
        return form;
    }

    /** Heilbronn also asks for the concern; address and birth date are optional. */
    public static ObjectNode heilbronn(String serviceId, String start, String email) {
        ObjectNode form = recklinghausen(serviceId, start, email);
        form.put("concern", "Verlängerung meines Aufenthaltstitels");
        form.put("address", "Lerchenstraße 1, 74072 Heilbronn");
        form.put("birthDate", "1980-05-17");
        return form;
    }

    /** Leer asks for name and e-mail only, and for its terms of use and the minimum-age statement. */
    public static ObjectNode leer(String serviceId, String start, String email) {
        ObjectNode form = recklinghausen(serviceId, start, email);
        form.remove("phone");
        form.put("termsAccepted", true);
        form.put("ageConfirmation", "ADULT");
        return form;
    }

    /**
     * Books through the API like a client of the public API does: fetches the tenant's bot challenge,
     * solves it (SHA-256 proof of work; the test profile keeps it small) and sends the booking.
     */
    public static Api.Response book(Api api, String tenant, ObjectNode form) {
        if (!form.has("proofOfWork")) {
            form.put("proofOfWork", solve(api, tenant));
        }
        return api.post("/api/v1/tenants/" + tenant + "/appointments", null, "application/json", form.toString());
    }

    /**
     * Books and confirms through the mailed link, like a citizen; returns the appointment id.
     * {@code mailDirectory}: where the platform captures outgoing mail.
     */
    public static String bookAndConfirm(Api api, Path mailDirectory, String tenant, ObjectNode form) {
        String email = form.get("email").asText();
        Api.Response held = book(api, tenant, form);
        assertThat(held.status()).as(held.body()).isEqualTo(202);
        MimeMessage mail = mailWithSubject(mailDirectory, email, "Bitte bestätigen").orElseThrow();
        String body = text(mail);
        String token = parameter(body, "token").orElseThrow(() -> new AssertionError("no token link in: " + body));
        Api.Response confirmed = api.post("/api/v1/tenants/" + tenant + "/appointment-confirmations", null,
                "application/json", token(token));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return held.json().get("appointmentId").asText();
    }

    /** A solution of a fresh challenge of the tenant (ALTCHA v1 payload, Base64 JSON). */
    public static String solve(Api api, String tenant) {
        Api.Response response = api.get("/api/v1/tenants/" + tenant + "/challenge");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode challenge = response.json();
        String salt = challenge.get("salt").asText();
        String target = challenge.get("challenge").asText();
        long max = challenge.get("maxnumber").asLong();
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            for (long number = 0; number <= max; number++) {
                String hash = java.util.HexFormat.of().formatHex(
                        sha.digest((salt + number).getBytes(StandardCharsets.UTF_8)));
                if (hash.equals(target)) {
                    ObjectNode payload = JSON.createObjectNode();
                    payload.put("algorithm", challenge.get("algorithm").asText());
                    payload.put("challenge", target);
                    payload.put("number", number);
                    payload.put("salt", salt);
                    payload.put("signature", challenge.get("signature").asText());
                    return java.util.Base64.getEncoder().encodeToString(
                            payload.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        } catch (java.security.NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
        throw new AssertionError("challenge has no solution up to " + max);
    }

    /** Free slots of a service over the next {@code days} days from the clock's today. */
    public static List<JsonNode> slots(Api api, String tenant, String service, Instant now, int days) {
        LocalDate today = now.atZone(BERLIN).toLocalDate();
        Api.Response response = api.get("/api/v1/tenants/" + tenant + "/services/" + service + "/slots?from=" + today
                + "&to=" + today.plusDays(days));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> slots = new ArrayList<>();
        response.json().forEach(slots::add);
        return slots;
    }

    /**
     * The first slot at least a day ahead (so moving the clock by minutes keeps it bookable) whose
     * remaining capacity is at least {@code remaining}.
     */
    public static JsonNode freeSlot(Api api, String tenant, String service, Instant now, int remaining) {
        Instant earliest = now.plus(java.time.Duration.ofDays(1));
        return slots(api, tenant, service, now, 40).stream()
                .filter(slot -> java.time.OffsetDateTime.parse(slot.get("start").asText()).toInstant().isAfter(earliest))
                .filter(slot -> slot.get("remaining").asInt() >= remaining)
                .findFirst().orElseThrow(() -> new AssertionError("no slot with " + remaining + " free places"));
    }

    /** Captured mail to a recipient, oldest first. */
    public static List<MimeMessage> mailTo(Path mailDirectory, String recipient) {
        if (!Files.isDirectory(mailDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(mailDirectory)) {
            List<MimeMessage> messages = new ArrayList<>();
            for (Path file : files.sorted(Comparator.comparing(Path::getFileName)).toList()) {
                MimeMessage message = parse(Files.readAllBytes(file));
                if (message.getAllRecipients()[0].toString().equals(recipient)) {
                    messages.add(message);
                }
            }
            return messages;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static MimeMessage parse(byte[] raw) {
        try (InputStream in = new java.io.ByteArrayInputStream(raw)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The newest mail to the recipient whose subject starts so; waits up to ten seconds for it, since
     * mail goes out after the commit on another thread.
     */
    public static Optional<MimeMessage> mailWithSubject(Path mailDirectory, String recipient, String subjectStart) {
        try {
            return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .pollInterval(java.time.Duration.ofMillis(50))
                    .until(() -> latestWithSubject(mailDirectory, recipient, subjectStart), Optional::isPresent);
        } catch (org.awaitility.core.ConditionTimeoutException none) {
            return Optional.empty();
        }
    }

    /** The same without waiting, for asserting that no such mail was sent (yet). */
    public static Optional<MimeMessage> latestWithSubject(Path mailDirectory, String recipient, String subjectStart) {
        return mailTo(mailDirectory, recipient).stream().filter(m -> subject(m).startsWith(subjectStart))
                .reduce((first, second) -> second);
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain-text body. */
    public static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) {
                return text;
            }
            Multipart multipart = (Multipart) content;
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = textOf(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
            throw new AssertionError("no text part");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String textOf(BodyPart part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart nested) {
            for (int i = 0; i < nested.getCount(); i++) {
                String text = textOf(nested.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** The attachment with this file name, as text. */
    public static Optional<String> attachment(MimeMessage message, String fileName) {
        try {
            if (!(message.getContent() instanceof Multipart multipart)) {
                return Optional.empty();
            }
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (fileName.equals(part.getFileName())) {
                    try (InputStream in = part.getInputStream()) {
                        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first value of a query parameter in a link of the text. */
    public static Optional<String> parameter(String text, String name) {
        Matcher matcher = Pattern.compile("[?&]" + name + "=([A-Za-z0-9_\\-.]+)").matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    public static String token(Object value) {
        ObjectNode body = JSON.createObjectNode();
        body.put("token", value == null ? null : value.toString());
        return body.toString();
    }
}
