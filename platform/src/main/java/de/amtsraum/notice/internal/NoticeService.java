package de.amtsraum.notice.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.notice.NoticeProblem;
import de.amtsraum.notice.NoticeRefusedException;
import de.amtsraum.notice.PrivacyNotices;
import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantOnboarding;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.InvalidManifestException;
import de.amtsraum.tenancy.manifest.ResolvedManifest;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.DataCategory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;

/** {@link PrivacyNotices}: check, preview and publish drafts; read the published versions. */
@Service
class NoticeService implements PrivacyNotices {

    private final NoticeRenderer renderer;
    private final NoticeVersions versions;
    private final TenantOnboarding onboarding;
    private final TenantDirectory tenants;
    private final SubjectKeys keys;

    NoticeService(NoticeRenderer renderer, NoticeVersions versions, TenantOnboarding onboarding,
                  TenantDirectory tenants, SubjectKeys keys) {
        this.renderer = renderer;
        this.versions = versions;
        this.onboarding = onboarding;
        this.tenants = tenants;
        this.keys = keys;
    }

    @Override
    public List<NoticeProblem> check(String tenantId, JsonNode draft) {
        List<NoticeProblem> problems = new ArrayList<>(NoticeGuards.check(tenantId, draft));
        problems.addAll(removedCategoriesStillHoldingData(tenantId, draft));
        return problems;
    }

    /**
     * A published category that the draft no longer has while data keys of it still exist: refused
     * (ADR 0021, addendum). Without the category, triggers raised later for that data would find no
     * rule and the data would be kept without a stated retention period.
     */
    private List<NoticeProblem> removedCategoriesStillHoldingData(String tenantId, JsonNode draft) {
        if (draft == null || !draft.path("dataCategories").isArray()) {
            return List.of();
        }
        Set<String> kept = new HashSet<>();
        draft.path("dataCategories").forEach(category -> kept.add(category.path("id").asText()));
        List<NoticeProblem> problems = new ArrayList<>();
        for (DataCategory published : tenants.manifest(tenantId).map(TenantManifest::dataCategories).orElse(List.of())) {
            int held = kept.contains(published.id()) ? 0 : keys.keysHeld(tenantId, published.id());
            if (held > 0) {
                problems.add(new NoticeProblem("dataCategories", "Die Datenkategorie „" + published.name()
                        + "“ kann nicht entfernt werden: Unter ihr sind noch Daten zu " + held
                        + (held == 1 ? " Person" : " Personen") + " gespeichert. Behalten Sie die Kategorie, bis diese Daten nach ihrer Löschregel "
                        + "gelöscht sind, oder ordnen Sie ihre Datenarten einer anderen Kategorie zu und "
                        + "entfernen Sie sie danach.",
                        "The data category '" + published.name() + "' cannot be removed: data of " + held
                                + (held == 1 ? " person" : " people") + " is still held under it. Keep the category until that data is erased "
                                + "under its retention rule, then remove it."));
            }
        }
        return problems;
    }

    @Override
    public String preview(String tenantId, JsonNode draft) {
        return renderer.render(valid(tenantId, draft).manifest(), Locale.GERMAN);
    }

    /** The preview in the page's language. */
    String preview(String tenantId, JsonNode draft, Locale locale) {
        return renderer.render(valid(tenantId, draft).manifest(), locale);
    }

    @Override
    public PublishedNotice publish(String tenantId, JsonNode draft, String publishedBy) {
        if (!tenants.exists(tenantId)) {
            throw new UnknownTenantException();
        }
        ResolvedManifest resolved = valid(tenantId, draft);
        onboarding.apply(resolved, publishedBy);
        // The subscribing NoticePublisher recorded the version in the command's transaction.
        return current(tenantId).orElseThrow();
    }

    private ResolvedManifest valid(String tenantId, JsonNode draft) {
        List<NoticeProblem> problems = check(tenantId, draft);
        if (!problems.isEmpty()) {
            throw new NoticeRefusedException(problems);
        }
        try {
            return NoticeGuards.resolve(tenantId, draft);
        } catch (InvalidManifestException unexpected) {
            throw new NoticeRefusedException(check(tenantId, draft));
        }
    }

    @Override
    public Optional<PublishedNotice> current(String tenantId) {
        return versions.current(tenantId).map(NoticeVersions.Stored::notice);
    }

    @Override
    public List<PublishedNotice> versions(String tenantId) {
        return versions.all(tenantId);
    }

    @Override
    public Optional<PublishedNotice> version(String tenantId, int number) {
        return versions.version(tenantId, number).map(NoticeVersions.Stored::notice);
    }
}
