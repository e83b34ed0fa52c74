package de.amtsraum.admin.web;

import static de.amtsraum.admin.web.AdminPages.trimmed;

import de.amtsraum.tenancy.manifest.RetentionPeriod;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionAction;
import de.amtsraum.tenancy.manifest.RetentionRule.RetentionTrigger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** The three fields of a retention rule as a form checks them (trigger, ISO-8601 period, action). */
final class RetentionRuleForm {

    private static final String MANIFEST_PERIOD =
            "^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$";

    private RetentionRuleForm() {
    }

    /**
     * Adds an error per bad field (ids {@code prefix + "trigger"}, {@code "after"}, {@code "action"})
     * and returns the period as the manifest writes it.
     */
    static String check(AdminPages pages, String prefix, String trigger, String after, String action,
                        Map<String, String> errors) {
        if (Arrays.stream(RetentionTrigger.values()).noneMatch(t -> t.name().equals(trigger))) {
            errors.put(prefix + "trigger", pages.text("admin.error.trigger"));
        }
        String period = trimmed(after).toUpperCase(Locale.ROOT);
        try {
            RetentionPeriod.parse(period);
            if (!period.matches(MANIFEST_PERIOD)) {
                throw new IllegalArgumentException("not in the manifest's form");
            }
        } catch (IllegalArgumentException malformed) {
            errors.put(prefix + "after", pages.text("admin.error.period", trimmed(after)));
        }
        if (Arrays.stream(RetentionAction.values()).noneMatch(a -> a.name().equals(action))) {
            errors.put(prefix + "action", pages.text("admin.error.action"));
        }
        return period;
    }
}
