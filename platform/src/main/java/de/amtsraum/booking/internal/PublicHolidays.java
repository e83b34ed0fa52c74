package de.amtsraum.booking.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Statutory public holidays (gesetzliche Feiertage) of the sixteen German states.
 *
 * <p>A state is named by its ISO 3166-2 subdivision code without the {@code DE-} prefix: {@code BW,
 * BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH}, exactly as written (upper case);
 * anything else is rejected with an {@link IllegalArgumentException}.
 *
 * <p>What is covered: the nine nationwide holidays (Neujahr, Karfreitag, Ostermontag, Tag der
 * Arbeit, Christi Himmelfahrt, Pfingstmontag, Tag der Deutschen Einheit, 1. and 2. Weihnachtstag)
 * and the state holidays that apply <em>statewide</em>:
 *
 * <ul>
 *   <li>Heilige Drei Könige (6 January): BW, BY, ST
 *   <li>Internationaler Frauentag (8 March): BE since 2019, MV since 2023
 *   <li>Ostersonntag and Pfingstsonntag: BB only, where they are statutory holidays (elsewhere
 *       they are protected only as Sundays)
 *   <li>Fronleichnam: BW, BY, HE, NW, RP, SL
 *   <li>Mariä Himmelfahrt (15 August): SL; and BY, where strictly it is a holiday only in
 *       communities with a predominantly Catholic population (most of Bavaria). It is treated as a
 *       holiday for all of BY here, so a Bavarian office in a Protestant-majority community sees one
 *       day too many rather than one too few.
 *   <li>Reformationstag (31 October): BB, MV, SN, ST, TH; HB, HH, NI, SH since 2018; in 2017 (500th
 *       anniversary of the Reformation) in every state
 *   <li>Allerheiligen (1 November): BW, BY, NW, RP, SL
 *   <li>Buß- und Bettag (the Wednesday before 23 November): SN
 *   <li>Weltkindertag (20 September): TH since 2019
 *   <li>Tag der Befreiung (8 May) as the one-off holidays enacted in BE for 2020 and 2025
 * </ul>
 *
 * <p>Not covered, because they apply only to parts of a state: Augsburger Hohes Friedensfest (8
 * August, city of Augsburg), Fronleichnam in some Catholic communities of SN and TH. Any later
 * one-off holiday must be added here once a state has enacted it.
 *
 * <p>Years before 1995 are rejected: that year Buß- und Bettag ceased to be a holiday outside
 * Saxony, and the rules here describe the law from then on. Easter Sunday is computed with the
 * anonymous Gregorian algorithm (Meeus/Jones/Butcher); the movable feasts follow from it.
 */
public final class PublicHolidays {

    /** The first year whose holidays these rules describe. */
    public static final int FIRST_YEAR = 1995;

    /** The sixteen ISO 3166-2:DE subdivision codes, without the {@code DE-} prefix. */
    public static final Set<String> STATES =
            Set.of(
                    "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH",
                    "TH");

    private PublicHolidays() {}

    /**
     * The public holidays of {@code state} in {@code year}, in ascending order.
     *
     * @throws IllegalArgumentException if {@code state} is not one of {@link #STATES} or {@code
     *     year} is before {@link #FIRST_YEAR}
     */
    public static Set<LocalDate> of(String state, int year) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(holidays(state, year).keySet()));
    }

    /**
     * Whether {@code day} is a public holiday in {@code state}.
     *
     * @throws IllegalArgumentException if {@code state} is unknown or the year is before {@link
     *     #FIRST_YEAR}
     */
    public static boolean isHoliday(String state, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return holidays(state, day.getYear()).containsKey(day);
    }

    /**
     * The German name of the holiday on {@code day} in {@code state}, or empty if it is none. When
     * two holidays fall on the same day (Tag der Arbeit and Christi Himmelfahrt in 2008, for
     * example), both names are given, joined by {@code " / "}.
     *
     * @throws IllegalArgumentException if {@code state} is unknown or the year is before {@link
     *     #FIRST_YEAR}
     */
    public static Optional<String> name(String state, LocalDate day) {
        Objects.requireNonNull(day, "day");
        return Optional.ofNullable(holidays(state, day.getYear()).get(day));
    }

    /**
     * Easter Sunday of {@code year} in the Gregorian calendar (anonymous algorithm, as given by
     * Meeus, Jones and Butcher).
     */
    public static LocalDate easterSunday(int year) {
        if (year < 1583) {
            throw new IllegalArgumentException("Gregorian Easter is defined from 1583 on: " + year);
        }
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    private static SortedMap<LocalDate, String> holidays(String state, int year) {
        Objects.requireNonNull(state, "state");
        if (!STATES.contains(state)) {
            throw new IllegalArgumentException("Unknown German state code: " + state);
        }
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException(
                    "Public holidays are known from " + FIRST_YEAR + " on, not for " + year);
        }
        LocalDate easter = easterSunday(year);
        Holidays days = new Holidays();

        days.add(LocalDate.of(year, Month.JANUARY, 1), "Neujahr");
        if (in(state, "BW", "BY", "ST")) {
            days.add(LocalDate.of(year, Month.JANUARY, 6), "Heilige Drei Könige");
        }
        if ((state.equals("BE") && year >= 2019) || (state.equals("MV") && year >= 2023)) {
            days.add(LocalDate.of(year, Month.MARCH, 8), "Internationaler Frauentag");
        }
        days.add(easter.minusDays(2), "Karfreitag");
        if (state.equals("BB")) {
            days.add(easter, "Ostersonntag");
        }
        days.add(easter.plusDays(1), "Ostermontag");
        days.add(LocalDate.of(year, Month.MAY, 1), "Tag der Arbeit");
        if (state.equals("BE") && (year == 2020 || year == 2025)) {
            days.add(LocalDate.of(year, Month.MAY, 8), "Tag der Befreiung");
        }
        days.add(easter.plusDays(39), "Christi Himmelfahrt");
        if (state.equals("BB")) {
            days.add(easter.plusDays(49), "Pfingstsonntag");
        }
        days.add(easter.plusDays(50), "Pfingstmontag");
        if (in(state, "BW", "BY", "HE", "NW", "RP", "SL")) {
            days.add(easter.plusDays(60), "Fronleichnam");
        }
        if (in(state, "BY", "SL")) {
            days.add(LocalDate.of(year, Month.AUGUST, 15), "Mariä Himmelfahrt");
        }
        if (state.equals("TH") && year >= 2019) {
            days.add(LocalDate.of(year, Month.SEPTEMBER, 20), "Weltkindertag");
        }
        days.add(LocalDate.of(year, Month.OCTOBER, 3), "Tag der Deutschen Einheit");
        if (year == 2017
                || in(state, "BB", "MV", "SN", "ST", "TH")
                || (year >= 2018 && in(state, "HB", "HH", "NI", "SH"))) {
            days.add(LocalDate.of(year, Month.OCTOBER, 31), "Reformationstag");
        }
        if (in(state, "BW", "BY", "NW", "RP", "SL")) {
            days.add(LocalDate.of(year, Month.NOVEMBER, 1), "Allerheiligen");
        }
        if (state.equals("SN")) {
            days.add(
                    LocalDate.of(year, Month.NOVEMBER, 22)
                            .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY)),
                    "Buß- und Bettag");
        }
        days.add(LocalDate.of(year, Month.DECEMBER, 25), "1. Weihnachtstag");
        days.add(LocalDate.of(year, Month.DECEMBER, 26), "2. Weihnachtstag");
        return days.byDate;
    }

    private static boolean in(String state, String... states) {
        for (String s : states) {
            if (s.equals(state)) {
                return true;
            }
        }
        return false;
    }

    /** Holidays by date; a second holiday on the same date adds its name to the first. */
    private static final class Holidays {
        private final SortedMap<LocalDate, String> byDate = new TreeMap<>();

        void add(LocalDate day, String name) {
            byDate.merge(day, name, (first, second) -> first + " / " + second);
        }
    }
}
