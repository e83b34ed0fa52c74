package de.amtsraum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Organizer;
import org.junit.jupiter.api.Test;

class IcsCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant STAMP = Instant.parse("2026-05-20T08:15:42.123456Z");
    private static final ZonedDateTime START = ZonedDateTime.of(2026, 6, 4, 9, 30, 0, 0, BERLIN);
    private static final ZonedDateTime END = START.plusMinutes(20);

    private static final String DESCRIPTION =
            "Bitte bringen Sie mit: Personalausweis, Meldebescheinigung; ggf. Vollmacht.\n"
                    + "Ort: Bürgeramt Köln-Mülheim, Erdgeschoss, Zimmer 0.12 \\ Wartebereich Süd.\n"
                    + "Grüße aus der Straßenverkehrsbehörde – äöüÄÖÜß €€€ 😀 Ende,\n\n"
                    + "Absage bis 24 Stunden vorher über den Link unten; danke!";

    private static IcsEvent fullEvent() {
        return new IcsEvent(
                "7f3c2a1e-0b9d-4c57-9a11-2f4e6d8b0c13@amtsraum.example",
                STAMP,
                START,
                END,
                "Termin: Personalausweis beantragen, Schalter 3; Bürgerbüro",
                "Bürgeramt Köln-Mülheim, Wiener Platz 2a, 51065 Köln",
                DESCRIPTION,
                "Stadt Köln, Bürgeramt \"Mülheim\"",
                "buergeramt-muelheim@stadt-koeln.example",
                "https://termine.stadt-koeln.example/termin/7f3c2a1e?aktion=absagen&lang=de");
    }

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static String value(VEvent event, String property) {
        return event.<Property>getProperty(property).orElseThrow().getValue();
    }

    private static Instant instant(VEvent event, String property) {
        DateProperty<Temporal> date = event.<DateProperty<Temporal>>getProperty(property).orElseThrow();
        return Instant.from(date.getDate());
    }

    @Test
    void aRealParserReadsBackEveryInput() throws Exception {
        IcsEvent input = fullEvent();
        Calendar calendar = parse(IcsCalendar.event(input));

        assertThat(calendar.<Property>getProperty(Property.VERSION).orElseThrow().getValue()).isEqualTo("2.0");
        assertThat(calendar.<Property>getProperty(Property.PRODID).orElseThrow().getValue())
                .isEqualTo("-//Amtsraum//Termin//DE");
        assertThat(calendar.<Property>getProperty(Property.CALSCALE).orElseThrow().getValue())
                .isEqualTo("GREGORIAN");
        assertThat(calendar.<Property>getProperty(Property.METHOD).orElseThrow().getValue())
                .isEqualTo("PUBLISH");
        assertThat(calendar.getComponents()).hasSize(1);

        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo(input.uid());
        assertThat(value(event, Property.SUMMARY)).isEqualTo(input.summary());
        assertThat(value(event, Property.LOCATION)).isEqualTo(input.location());
        assertThat(value(event, Property.DESCRIPTION)).isEqualTo(input.description());
        assertThat(value(event, Property.URL)).isEqualTo(input.url());
        assertThat(value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(event, Property.TRANSP)).isEqualTo("OPAQUE");

        assertThat(instant(event, Property.DTSTAMP)).isEqualTo(Instant.parse("2026-05-20T08:15:42Z"));
        assertThat(instant(event, Property.DTSTART)).isEqualTo(input.start().toInstant());
        assertThat(instant(event, Property.DTEND)).isEqualTo(input.end().toInstant());

        Organizer organizer = event.<Organizer>getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getCalAddress())
                .isEqualTo(URI.create("mailto:buergeramt-muelheim@stadt-koeln.example"));
        assertThat(organizer.<Cn>getParameter(Parameter.CN).orElseThrow().getValue())
                .isEqualTo(input.organizerName());

        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
    }

    @Test
    void timesAreWrittenInUtc() {
        String ics = IcsCalendar.event(fullEvent());
        // 09:30 summer time in Berlin is 07:30 UTC; DTSTAMP drops the fraction of a second
        assertThat(ics)
                .contains("\r\nDTSTAMP:20260520T081542Z\r\n")
                .contains("\r\nDTSTART:20260604T073000Z\r\n")
                .contains("\r\nDTEND:20260604T075000Z\r\n")
                .doesNotContain("VTIMEZONE")
                .doesNotContain("TZID");
    }

    @Test
    void structureAndOrderOfTheContentLines() {
        String ics = IcsCalendar.event(fullEvent());
        List<String> names =
                Arrays.stream(unfold(ics).split("\r\n")).map(l -> l.split("[:;]", 2)[0]).toList();
        assertThat(names)
                .containsExactly(
                        "BEGIN", "VERSION", "PRODID", "CALSCALE", "METHOD", "BEGIN", "UID", "DTSTAMP",
                        "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "URL", "ORGANIZER",
                        "STATUS", "TRANSP", "END", "END");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(unfold(ics)).contains("\r\nBEGIN:VEVENT\r\n").contains("\r\nEND:VEVENT\r\n");
    }

    @Test
    void textIsEscapedAsRfc5545Asks() {
        String unfolded = unfold(IcsCalendar.event(fullEvent()));
        assertThat(unfolded)
                .contains("SUMMARY:Termin: Personalausweis beantragen\\, Schalter 3\\; Bürgerbüro\r\n")
                .contains("Zimmer 0.12 \\\\ Wartebereich Süd.\\nGrüße")
                .contains("Ende\\,\\n\\nAbsage")
                .contains("ORGANIZER;CN=\"Stadt Köln, Bürgeramt ^'Mülheim^'\":mailto:");
    }

    @Test
    void everyLineEndsWithCrlfAndHoldsAtMost75OctetsOfWholeCharacters() throws Exception {
        String ics = IcsCalendar.event(fullEvent());
        assertThat(ics).endsWith("\r\n");
        String[] lines = ics.split("\r\n", -1);
        assertThat(lines[lines.length - 1]).isEmpty(); // the text ends with CRLF
        assertThat(lines.length).isGreaterThan(20); // the description had to be folded
        for (String line : Arrays.copyOf(lines, lines.length - 1)) {
            assertThat(line).doesNotContain("\r").doesNotContain("\n");
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).as(line).isLessThanOrEqualTo(75);
            assertWholeUtf8(octets);
        }
    }

    /** Multi-byte characters at every offset: each must end up whole on one line. */
    @Test
    void foldingNeverSplitsAMultiByteCharacter() throws Exception {
        for (int pad = 0; pad < 8; pad++) {
            String summary = "x".repeat(pad) + "ä€😀ß".repeat(40);
            IcsEvent e =
                    new IcsEvent("uid-" + pad, STAMP, START, END, summary, null, null, null, null, null);
            String ics = IcsCalendar.event(e);
            for (String line : ics.split("\r\n")) {
                byte[] octets = line.getBytes(StandardCharsets.UTF_8);
                assertThat(octets.length).isLessThanOrEqualTo(75);
                assertWholeUtf8(octets);
                // a surrogate pair cut in two would be encoded as '?' above, so look at the chars too
                assertThat(line.codePoints().noneMatch(c -> Character.isSurrogate((char) c)))
                        .as(line)
                        .isTrue();
            }
            VEvent event = parse(ics).<VEvent>getComponent(Component.VEVENT).orElseThrow();
            assertThat(value(event, Property.SUMMARY)).isEqualTo(summary);
        }
    }

    @Test
    void aLineOfExactly75OctetsIsNotFolded() {
        String summary = "s".repeat(75 - "SUMMARY:".length());
        String ics =
                IcsCalendar.event(
                        new IcsEvent("u", STAMP, START, END, summary, null, null, null, null, null));
        assertThat(ics).contains("\r\nSUMMARY:" + summary + "\r\nSTATUS:");

        String longer = summary + "t";
        String folded =
                IcsCalendar.event(
                        new IcsEvent("u", STAMP, START, END, longer, null, null, null, null, null));
        assertThat(folded).contains("\r\nSUMMARY:" + summary + "\r\n t\r\nSTATUS:");
    }

    @Test
    void optionalPropertiesAreLeftOutWhenNull() throws Exception {
        IcsEvent e = new IcsEvent("u-1", STAMP, START, END, "Termin", null, null, null, null, null);
        String ics = IcsCalendar.event(e);
        // PUBLISH requires an ORGANIZER (RFC 5546), so without one there is no METHOD either
        assertThat(ics)
                .doesNotContain("METHOD")
                .doesNotContain("LOCATION")
                .doesNotContain("DESCRIPTION")
                .doesNotContain("URL")
                .doesNotContain("ORGANIZER");
        Calendar calendar = parse(ics);
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        assertThat(value(calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow(), Property.SUMMARY))
                .isEqualTo("Termin");
    }

    @Test
    void organizerWithoutName() throws Exception {
        IcsEvent e =
                new IcsEvent("u-2", STAMP, START, END, "Termin", null, null, null, "amt@example.org", null);
        String ics = IcsCalendar.event(e);
        assertThat(ics).contains("\r\nORGANIZER:mailto:amt@example.org\r\n");
        Organizer organizer =
                parse(ics).<VEvent>getComponent(Component.VEVENT).orElseThrow()
                        .<Organizer>getProperty(Property.ORGANIZER).orElseThrow();
        assertThat(organizer.getCalAddress()).isEqualTo(URI.create("mailto:amt@example.org"));
        assertThat(organizer.getParameter(Parameter.CN)).isEmpty();
    }

    @Test
    void lineBreaksAndControlCharactersCannotInjectProperties() throws Exception {
        String summary = "Termin\r\nEND:VEVENT\rBEGIN:VEVENT\nSUMMARY:gefälscht";
        IcsEvent e =
                new IcsEvent(
                        "u-3", STAMP, START, END, summary + "\u0000\u001b", null, null,
                        "Amt\r\nX-INJECT:1", "amt@example.org", null);
        String ics = IcsCalendar.event(e);
        Calendar calendar = parse(ics);
        assertThat(calendar.getComponents()).hasSize(1);
        VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
        assertThat(value(event, Property.SUMMARY))
                .isEqualTo("Termin\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:gefälscht");
        assertThat(event.<Organizer>getProperty(Property.ORGANIZER).orElseThrow()
                        .<Cn>getParameter(Parameter.CN).orElseThrow().getValue())
                .isEqualTo("Amt\nX-INJECT:1");
        assertThat(ics).doesNotContain("\u0000").doesNotContain("\u001b");
        assertThat(unfold(ics).split("\r\n")).noneMatch(l -> l.startsWith("X-INJECT"));
    }

    @Test
    void invalidInputIsRejected() {
        assertThatThrownBy(
                        () -> new IcsEvent("u", STAMP, START, START, "T", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new IcsEvent("u", STAMP, START, END, "T", null, null, "Amt", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                IcsCalendar.event(
                                        new IcsEvent(
                                                "u", STAMP, START, END, "T", null, null, null,
                                                "amt@example.org\r\nX:1", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                IcsCalendar.event(
                                        new IcsEvent(
                                                "u", STAMP, START, END, "T", null, null, null, null,
                                                "https://example.org/a b")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () ->
                                IcsCalendar.event(
                                        new IcsEvent(
                                                "u", STAMP, START, END, "T", null, null, null, null,
                                                "/relative/path")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String unfold(String ics) {
        return ics.replace("\r\n ", "");
    }

    private static void assertWholeUtf8(byte[] octets) throws CharacterCodingException {
        StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(octets));
    }
}
