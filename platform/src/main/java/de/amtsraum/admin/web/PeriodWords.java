package de.amtsraum.admin.web;

import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/** An ISO-8601 retention period in words, German or English ("6 Monate", "48 hours"); empty for zero. */
final class PeriodWords {

    private PeriodWords() {
    }

    static String of(String iso, boolean english) {
        List<String> parts = new ArrayList<>();
        try {
            int time = iso.indexOf('T');
            String date = time < 0 ? iso : iso.substring(0, time);
            if (date.length() > 1) {
                Period p = Period.parse(date);
                add(parts, p.getYears(), english ? "year" : "Jahr", english ? "years" : "Jahre");
                add(parts, p.getMonths(), english ? "month" : "Monat", english ? "months" : "Monate");
                add(parts, p.getDays(), english ? "day" : "Tag", english ? "days" : "Tage");
            }
            if (time >= 0) {
                Duration d = Duration.parse("P" + iso.substring(time));
                add(parts, (int) d.toHours(), english ? "hour" : "Stunde", english ? "hours" : "Stunden");
                add(parts, d.toMinutesPart(), english ? "minute" : "Minute", english ? "minutes" : "Minuten");
                add(parts, d.toSecondsPart(), english ? "second" : "Sekunde", english ? "seconds" : "Sekunden");
            }
        } catch (RuntimeException malformed) {
            return iso;
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, int amount, String one, String many) {
        if (amount > 0) {
            parts.add(amount + " " + (amount == 1 ? one : many));
        }
    }
}
