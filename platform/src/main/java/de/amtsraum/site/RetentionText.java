package de.amtsraum.site;

import de.amtsraum.tenancy.manifest.RetentionRule;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * A retention rule in plain German, rendered from the very rule object the retention engine runs:
 * "48 Stunden nach dem Ende des Termins anonymisiert".
 */
public final class RetentionText {

    private RetentionText() {
    }

    public static String of(RetentionRule rule) {
        String period = period(rule.after().toString());
        String action = rule.action() == RetentionRule.RetentionAction.SHRED ? "gelöscht" : "anonymisiert";
        return (period.isEmpty() ? "unmittelbar" : period) + " " + trigger(rule.trigger()) + " " + action;
    }

    /** The same rule in English: "anonymised 48 hours after the end of the appointment". */
    public static String english(RetentionRule rule) {
        String period = englishPeriod(rule.after().toString());
        String action = rule.action() == RetentionRule.RetentionAction.SHRED ? "deleted" : "anonymised";
        return action + " " + (period.isEmpty() ? "immediately" : period) + " " + englishTrigger(rule.trigger());
    }

    static String englishTrigger(RetentionRule.RetentionTrigger trigger) {
        return switch (trigger) {
            case COLLECTED -> "after collection";
            case APPOINTMENT_END -> "after the end of the appointment";
            case CASE_LAST_ACTIVITY -> "after the last activity in the consultation case";
            case CASE_ARCHIVED -> "after the consultation case was archived";
            case CONVERSATION_CONCLUDED -> "after the conversation was concluded";
            case ACCOUNT_CLOSED -> "after the user account was closed";
            case INCIDENT_RECORDED -> "after the incident was recorded";
            case RIGHTS_REQUEST_CLOSED -> "after the request was answered";
        };
    }

    static String englishPeriod(String iso) {
        return period(iso).replace("Jahre", "years").replace("Jahr", "year").replace("Monate", "months")
                .replace("Monat", "month").replace("Tage", "days").replace("Tag", "day")
                .replace("Stunden", "hours").replace("Stunde", "hour").replace("Minuten", "minutes")
                .replace("Minute", "minute").replace("Sekunden", "seconds").replace("Sekunde", "second");
    }

    static String trigger(RetentionRule.RetentionTrigger trigger) {
        return switch (trigger) {
            case COLLECTED -> "nach der Erhebung";
            case APPOINTMENT_END -> "nach dem Ende des Termins";
            case CASE_LAST_ACTIVITY -> "nach der letzten Aktivität im Beratungsfall";
            case CASE_ARCHIVED -> "nach der Archivierung des Beratungsfalls";
            case CONVERSATION_CONCLUDED -> "nach Abschluss des Gesprächs";
            case ACCOUNT_CLOSED -> "nach Schließung des Nutzerkontos";
            case INCIDENT_RECORDED -> "nach Erfassung des Vorfalls";
            case RIGHTS_REQUEST_CLOSED -> "nach Abschluss der Anfrage";
        };
    }

    static String period(String iso) {
        List<String> parts = new ArrayList<>();
        int time = iso.indexOf('T');
        String date = time < 0 ? iso : iso.substring(0, time);
        if (date.length() > 1) {
            Period p = Period.parse(date);
            add(parts, p.getYears(), "Jahr", "Jahre");
            add(parts, p.getMonths(), "Monat", "Monate");
            add(parts, p.getDays(), "Tag", "Tage");
        }
        if (time >= 0) {
            Duration d = Duration.parse("P" + iso.substring(time));
            add(parts, (int) d.toHours(), "Stunde", "Stunden");
            add(parts, d.toMinutesPart(), "Minute", "Minuten");
            add(parts, d.toSecondsPart(), "Sekunde", "Sekunden");
        }
        return String.join(", ", parts);
    }

    private static void add(List<String> parts, int amount, String one, String many) {
        if (amount > 0) {
            parts.add(amount + " " + (amount == 1 ? one : many));
        }
    }
}
