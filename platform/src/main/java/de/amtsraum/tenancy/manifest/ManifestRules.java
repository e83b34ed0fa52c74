package de.amtsraum.tenancy.manifest;

import de.amtsraum.shared.privacy.DataKind;

import de.amtsraum.shared.TenantId;
import de.amtsraum.tenancy.manifest.TenantManifest.Channel;
import de.amtsraum.tenancy.manifest.TenantManifest.DataCategory;
import de.amtsraum.tenancy.manifest.TenantManifest.Location;
import de.amtsraum.tenancy.manifest.TenantManifest.OpeningHours;
import de.amtsraum.tenancy.manifest.TenantManifest.Processor;
import de.amtsraum.tenancy.manifest.TenantManifest.Service;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The rules of a manifest that a JSON Schema cannot express: references, uniqueness, consistency. */
public final class ManifestRules {

    /**
     * The kinds of personal data each feature processes (keys are the manifest's {@code features}
     * names): while a feature is on, a data category must cover each of them.
     */
    public static final Map<String, List<DataKind>> KINDS_NEEDED_BY_FEATURE = neededByFeature();

    private static Map<String, List<DataKind>> neededByFeature() {
        Map<String, List<DataKind>> needed = new LinkedHashMap<>();
        needed.put("contactForm", List.of(DataKind.CONTACT_REQUEST, DataKind.SUBMISSION_METADATA));
        needed.put("booking", List.of(DataKind.APPOINTMENT));
        needed.put("citizenAccounts", List.of(DataKind.ACCOUNT, DataKind.ACCOUNT_EMAIL, DataKind.ACCESS_LOG));
        return java.util.Collections.unmodifiableMap(needed);
    }


    /** EU member states plus Iceland, Liechtenstein and Norway (EEA), ISO 3166-1 alpha-2. */
    public static final Set<String> EU_EEA = Set.of("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE",
            "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS",
            "LI", "NO");

    /** WCAG 2.1 AA for normal text: the primary colour carries white text. */
    public static final double MINIMUM_CONTRAST = 4.5;

    private final String file;
    private final List<ManifestProblem> problems = new ArrayList<>();

    private ManifestRules(String file) {
        this.file = file;
    }

    static List<ManifestProblem> check(TenantManifest manifest, String file, String expectedId) {
        ManifestRules rules = new ManifestRules(file);
        rules.checkIdentity(manifest, expectedId);
        rules.checkFeatures(manifest);
        rules.checkCatalogue(manifest);
        rules.checkProcessors(manifest.processors());
        rules.checkCategories(manifest);
        return rules.problems;
    }

    private void checkIdentity(TenantManifest manifest, String expectedId) {
        if (TenantId.RESERVED.contains(manifest.id())) {
            problem("id", "'" + manifest.id() + "' is reserved by the platform; choose another id");
        }
        if (expectedId != null && !expectedId.equals(manifest.id())) {
            problem("id", "is '" + manifest.id() + "' but must equal '" + expectedId
                    + "' (the folder name, or the id in the request path)");
        }
        double contrast = contrastWithWhite(manifest.branding().primaryColor());
        if (contrast < MINIMUM_CONTRAST) {
            problem("branding.primaryColor", String.format(java.util.Locale.ROOT,
                    "gives a contrast of %.1f:1 with white text; WCAG 2.1 AA needs at least 4.5:1", contrast));
        }
    }

    private void checkFeatures(TenantManifest manifest) {
        var features = manifest.features();
        if (features.booking() && manifest.booking() == null) {
            problem("booking", "is required because features.booking is true");
        }
        if (features.contactForm() && manifest.contactForm() == null) {
            problem("contactForm", "is required because features.contactForm is true");
        }
        if (features.termsOfUse() && manifest.texts().termsOfUse() == null) {
            problem("texts.termsOfUse", "is required because features.termsOfUse is true");
        }
        if (features.pseudonymousRegistration() && !features.citizenAccounts()) {
            problem("features.pseudonymousRegistration", "needs features.citizenAccounts to be true");
        }
        if (features.guardianConsentBelowMinimumAge() != null && features.minimumAge() == null) {
            problem("features.guardianConsentBelowMinimumAge", "needs features.minimumAge");
        }
        if (manifest.booking() != null) {
            for (var field : manifest.booking().optionalFields()) {
                if (manifest.booking().requiredFields().contains(field)) {
                    problem("booking.optionalFields", field + " is listed as required and optional");
                }
            }
        }
        if (manifest.contactForm() != null) {
            if (manifest.contactForm().requiredFields().contains(TenantManifest.ContactField.PHONE)
                    || manifest.contactForm().optionalFields().contains(TenantManifest.ContactField.PHONE)) {
                problem("contactForm", "PHONE is not offered by the contact form; remove it from the field lists");
            }
            for (var field : manifest.contactForm().optionalFields()) {
                if (manifest.contactForm().requiredFields().contains(field)) {
                    problem("contactForm.optionalFields", field + " is listed as required and optional");
                }
            }
        }
    }

    private void checkCatalogue(TenantManifest manifest) {
        unique("locations", manifest.locations(), Location::id);
        unique("services", manifest.services(), Service::id);
        Set<String> locationIds = new HashSet<>();
        manifest.locations().forEach(location -> locationIds.add(location.id()));
        for (int l = 0; l < manifest.locations().size(); l++) {
            List<OpeningHours> hours = manifest.locations().get(l).openingHours();
            for (int h = 0; h < hours.size(); h++) {
                if (!hours.get(h).from().isBefore(hours.get(h).to())) {
                    problem("locations[" + l + "].openingHours[" + h + "]", "'from' must be before 'to'");
                }
                for (int o = 0; o < h; o++) {
                    if (overlap(hours.get(o), hours.get(h))) {
                        problem("locations[" + l + "].openingHours[" + h + "]",
                                "overlaps openingHours[" + o + "] on a shared day (capacity would be ambiguous)");
                    }
                }
            }
        }
        for (int s = 0; s < manifest.services().size(); s++) {
            Service service = manifest.services().get(s);
            if (service.channel() == Channel.ON_SITE && service.location() == null) {
                problem("services[" + s + "].location", "is required for an ON_SITE service");
            }
            if (service.channel() == Channel.VIDEO && !manifest.features().video()) {
                problem("services[" + s + "].channel", "is VIDEO but features.video is false");
            }
            if (service.location() != null && !locationIds.contains(service.location())) {
                problem("services[" + s + "].location", "names the unknown location '" + service.location() + "'");
            }
        }
        if (manifest.features().booking() && manifest.services().isEmpty()) {
            problem("services", "must list at least one service because features.booking is true");
        }
        if (manifest.features().booking() && manifest.locations().isEmpty()) {
            problem("locations", "must list at least one location because features.booking is true");
        }
        if (manifest.features().booking() && manifest.booking() == null) {
            problem("booking", "is required because features.booking is true");
        }
        if (manifest.booking() != null
                && !manifest.booking().requiredFields().contains(TenantManifest.BookingField.EMAIL)) {
            problem("booking.requiredFields", "must contain EMAIL: the confirmation link is sent by e-mail");
        }
    }

    private static boolean overlap(OpeningHours a, OpeningHours b) {
        return a.days().stream().anyMatch(b.days()::contains)
                && a.from().isBefore(b.to()) && b.from().isBefore(a.to());
    }

    private void checkProcessors(List<Processor> processors) {
        for (int p = 0; p < processors.size(); p++) {
            Processor processor = processors.get(p);
            if (!EU_EEA.contains(processor.country()) && processor.transferBasis() == null) {
                problem("processors[" + p + "].transferBasis", "is required: country " + processor.country()
                        + " is outside the EU/EEA, so the transfer needs a stated basis (Art. 44 ff. GDPR)");
            }
        }
    }

    private void checkCategories(TenantManifest manifest) {
        List<DataCategory> categories = manifest.dataCategories();
        unique("dataCategories", categories, DataCategory::id);
        Set<DataKind> covered = new HashSet<>();
        for (int c = 0; c < categories.size(); c++) {
            if (!categories.get(c).personal() && !categories.get(c).covers().isEmpty()) {
                problem("dataCategories[" + c + "].covers", "lists kinds of personal data, so the category must be "
                        + "personal: true (and appear in the privacy notice)");
            }
            for (DataKind kind : categories.get(c).covers()) {
                if (!covered.add(kind)) {
                    problem("dataCategories[" + c + "].covers", kind + " is already covered by another category");
                }
            }
        }
        Map<String, Boolean> on = Map.of("contactForm", manifest.features().contactForm(),
                "booking", manifest.features().booking(), "citizenAccounts", manifest.features().citizenAccounts());
        KINDS_NEEDED_BY_FEATURE.forEach((feature, kinds) -> {
            if (on.get(feature)) {
                kinds.forEach(kind -> requireCovered(covered, kind, "features." + feature));
            }
        });
    }

    private void requireCovered(Set<DataKind> covered, DataKind kind, String feature) {
        if (!covered.contains(kind)) {
            problem("dataCategories", "no category covers " + kind + ", which " + feature
                    + " processes; add it to the covers list of the category that the privacy notice names for it");
        }
    }

    private <T> void unique(String field, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(id.apply(items.get(i)))) {
                problem(field + "[" + i + "].id", "repeats the id '" + id.apply(items.get(i)) + "'");
            }
        }
    }

    private void problem(String field, String reason) {
        problems.add(new ManifestProblem(file, field, reason));
    }

    /** WCAG 2.1 contrast ratio of a #RRGGBB colour against white. */
    public static double contrastWithWhite(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        double luminance = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return 1.05 / (luminance + 0.05);
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
