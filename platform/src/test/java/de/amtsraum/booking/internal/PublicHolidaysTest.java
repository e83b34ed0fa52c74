package de.amtsraum.booking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicHolidaysTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest
    @CsvSource({
        "2024, 2024-03-31",
        "2025, 2025-04-20",
        "2026, 2026-04-05",
        "2027, 2027-03-28",
        "2038, 2038-04-25",
        "2008, 2008-03-23",
        "2019, 2019-04-21",
        // the extremes of the Gregorian range: 22 March and 25 April
        "1818, 1818-03-22",
        "2285, 2285-03-22",
        "1943, 1943-04-25",
    })
    void easterSundayMatchesKnownDates(int year, LocalDate expected) {
        assertThat(PublicHolidays.easterSunday(year)).isEqualTo(expected);
    }

    @Test
    void movableFeastsOf2026FollowEaster() {
        assertThat(PublicHolidays.name("NW", d("2026-04-03"))).contains("Karfreitag");
        assertThat(PublicHolidays.name("NW", d("2026-04-06"))).contains("Ostermontag");
        assertThat(PublicHolidays.name("NW", d("2026-05-14"))).contains("Christi Himmelfahrt");
        assertThat(PublicHolidays.name("NW", d("2026-05-25"))).contains("Pfingstmontag");
        assertThat(PublicHolidays.name("NW", d("2026-06-04"))).contains("Fronleichnam");
        assertThat(PublicHolidays.name("NW", d("2026-04-05"))).isEmpty(); // Easter Sunday: not in NW
    }

    @Test
    void fronleichnamIsAHolidayInNordrheinWestfalenButNotInNiedersachsen() {
        assertThat(PublicHolidays.isHoliday("NW", d("2026-06-04"))).isTrue();
        assertThat(PublicHolidays.isHoliday("NI", d("2026-06-04"))).isFalse();
    }

    @Test
    void reformationstagIsAHolidayInNiedersachsenButNotInBadenWuerttemberg() {
        assertThat(PublicHolidays.name("NI", d("2026-10-31"))).contains("Reformationstag");
        assertThat(PublicHolidays.isHoliday("BW", d("2026-10-31"))).isFalse();
    }

    @Test
    void reformationstagCameToTheNorthernStatesIn2018AndWasNationwideIn2017() {
        assertThat(PublicHolidays.isHoliday("NI", d("2016-10-31"))).isFalse();
        assertThat(PublicHolidays.isHoliday("NI", d("2018-10-31"))).isTrue();
        assertThat(PublicHolidays.isHoliday("HH", d("2018-10-31"))).isTrue();
        assertThat(PublicHolidays.isHoliday("SN", d("2016-10-31"))).isTrue();
        for (String state : PublicHolidays.STATES) {
            assertThat(PublicHolidays.name(state, d("2017-10-31"))).as(state).contains("Reformationstag");
        }
        assertThat(PublicHolidays.isHoliday("BW", d("2017-10-31"))).isTrue();
        assertThat(PublicHolidays.isHoliday("BW", d("2018-10-31"))).isFalse();
    }

    @Test
    void bussUndBettagIsTheWednesdayBefore23NovemberInSaxonyOnly() {
        assertThat(PublicHolidays.name("SN", d("2026-11-18"))).contains("Buß- und Bettag");
        assertThat(PublicHolidays.isHoliday("SN", d("2025-11-19"))).isTrue();
        // 23 November 2022 was itself a Wednesday: the day is the week before
        assertThat(PublicHolidays.isHoliday("SN", d("2022-11-16"))).isTrue();
        assertThat(PublicHolidays.isHoliday("SN", d("2022-11-23"))).isFalse();
        for (String state : PublicHolidays.STATES) {
            if (!state.equals("SN")) {
                assertThat(PublicHolidays.isHoliday(state, d("2026-11-18"))).as(state).isFalse();
            }
        }
    }

    @Test
    void holidaysIntroducedLaterStartInTheirYear() {
        assertThat(PublicHolidays.isHoliday("BE", d("2018-03-08"))).isFalse();
        assertThat(PublicHolidays.name("BE", d("2019-03-08"))).contains("Internationaler Frauentag");
        assertThat(PublicHolidays.isHoliday("MV", d("2022-03-08"))).isFalse();
        assertThat(PublicHolidays.isHoliday("MV", d("2023-03-08"))).isTrue();
        assertThat(PublicHolidays.isHoliday("TH", d("2018-09-20"))).isFalse();
        assertThat(PublicHolidays.name("TH", d("2019-09-20"))).contains("Weltkindertag");
    }

    @Test
    void easterAndWhitSundayAreStatutoryHolidaysInBrandenburgOnly() {
        assertThat(PublicHolidays.name("BB", d("2026-04-05"))).contains("Ostersonntag");
        assertThat(PublicHolidays.name("BB", d("2026-05-24"))).contains("Pfingstsonntag");
        assertThat(PublicHolidays.isHoliday("HE", d("2026-04-05"))).isFalse();
        assertThat(PublicHolidays.isHoliday("BE", d("2026-05-24"))).isFalse();
    }

    @Test
    void stateOnlyFixedHolidays() {
        assertThat(PublicHolidays.isHoliday("ST", d("2026-01-06"))).isTrue();
        assertThat(PublicHolidays.isHoliday("SN", d("2026-01-06"))).isFalse();
        assertThat(PublicHolidays.name("SL", d("2026-08-15"))).contains("Mariä Himmelfahrt");
        assertThat(PublicHolidays.isHoliday("BY", d("2026-08-15"))).isTrue();
        assertThat(PublicHolidays.isHoliday("BW", d("2026-08-15"))).isFalse();
        assertThat(PublicHolidays.name("RP", d("2026-11-01"))).contains("Allerheiligen");
        assertThat(PublicHolidays.isHoliday("HE", d("2026-11-01"))).isFalse();
    }

    @Test
    void berlinsOneOffLiberationDays() {
        assertThat(PublicHolidays.name("BE", d("2025-05-08"))).contains("Tag der Befreiung");
        assertThat(PublicHolidays.isHoliday("BE", d("2020-05-08"))).isTrue();
        assertThat(PublicHolidays.isHoliday("BE", d("2026-05-08"))).isFalse();
        assertThat(PublicHolidays.isHoliday("BB", d("2025-05-08"))).isFalse();
        assertThat(PublicHolidays.of("BE", 2025)).hasSize(11);
    }

    @Test
    void twoHolidaysOnOneDayShareTheDateAndBothNamesAreGiven() {
        // 2008: Easter on 23 March, so Ascension fell on 1 May
        assertThat(PublicHolidays.name("NW", d("2008-05-01")))
                .contains("Tag der Arbeit / Christi Himmelfahrt");
        assertThat(PublicHolidays.of("NW", 2008)).hasSize(10);
    }

    /**
     * Nine nationwide holidays plus each state's own; no two coincide in 2026 (Easter on 5 April
     * keeps the movable feasts clear of the fixed dates).
     */
    @Test
    void numberOfHolidaysPerStateIn2026() {
        Map<String, Integer> expected =
                Map.ofEntries(
                        Map.entry("BW", 12), // + Hl. Drei Könige, Fronleichnam, Allerheiligen
                        Map.entry("BY", 13), // + Hl. Drei Könige, Fronleichnam, Mariä Himmelfahrt, Allerheiligen
                        Map.entry("BE", 10), // + Frauentag
                        Map.entry("BB", 12), // + Ostersonntag, Pfingstsonntag, Reformationstag
                        Map.entry("HB", 10), // + Reformationstag
                        Map.entry("HH", 10), // + Reformationstag
                        Map.entry("HE", 10), // + Fronleichnam
                        Map.entry("MV", 11), // + Frauentag, Reformationstag
                        Map.entry("NI", 10), // + Reformationstag
                        Map.entry("NW", 11), // + Fronleichnam, Allerheiligen
                        Map.entry("RP", 11), // + Fronleichnam, Allerheiligen
                        Map.entry("SL", 12), // + Fronleichnam, Mariä Himmelfahrt, Allerheiligen
                        Map.entry("SN", 11), // + Reformationstag, Buß- und Bettag
                        Map.entry("ST", 11), // + Hl. Drei Könige, Reformationstag
                        Map.entry("SH", 10), // + Reformationstag
                        Map.entry("TH", 11)); // + Weltkindertag, Reformationstag
        assertThat(expected.keySet()).isEqualTo(PublicHolidays.STATES);
        expected.forEach(
                (state, count) -> assertThat(PublicHolidays.of(state, 2026)).as(state).hasSize(count));
    }

    @Test
    void bavaria2026InOrder() {
        assertThat(PublicHolidays.of("BY", 2026))
                .containsExactly(
                        d("2026-01-01"),
                        d("2026-01-06"),
                        d("2026-04-03"),
                        d("2026-04-06"),
                        d("2026-05-01"),
                        d("2026-05-14"),
                        d("2026-05-25"),
                        d("2026-06-04"),
                        d("2026-08-15"),
                        d("2026-10-03"),
                        d("2026-11-01"),
                        d("2026-12-25"),
                        d("2026-12-26"));
    }

    @Test
    void ordinaryDayHasNoName() {
        assertThat(PublicHolidays.name("BY", d("2026-07-14"))).isEmpty();
        assertThat(PublicHolidays.isHoliday("BY", d("2026-07-14"))).isFalse();
    }

    @Test
    void theResultCannotBeModified() {
        assertThatThrownBy(() -> PublicHolidays.of("HE", 2026).add(d("2026-07-14")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "DE", "DE-NW", "nw", "", " NW", "AT"})
    void unknownStateIsRejected(String state) {
        assertThatThrownBy(() -> PublicHolidays.of(state, 2026))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown German state");
        assertThatThrownBy(() -> PublicHolidays.isHoliday(state, d("2026-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublicHolidays.name(state, d("2026-01-01")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void yearsBeforeTheRulesApplyAreRejected() {
        assertThatThrownBy(() -> PublicHolidays.of("SN", 1994))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(PublicHolidays.of("SN", 1995)).isNotEmpty();
    }
}
