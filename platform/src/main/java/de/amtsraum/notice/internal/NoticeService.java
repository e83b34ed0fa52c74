package de.amtsraum.notice.internal;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.notice.NoticeProblem;
import de.amtsraum.notice.NoticeRefusedException;
import de.amtsraum.notice.PrivacyNotices;
import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantOnboarding;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.InvalidManifestException;
import de.amtsraum.tenancy.manifest.ResolvedManifest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link PrivacyNotices}: check, preview and publish drafts; read the published versions. */
@Service
class NoticeService implements PrivacyNotices {

    private final NoticeRenderer renderer;
    private final NoticeVersions versions;
    private final TenantOnboarding onboarding;
    private final TenantDirectory tenants;

    NoticeService(NoticeRenderer renderer, NoticeVersions versions, TenantOnboarding onboarding,
                  TenantDirectory tenants) {
        this.renderer = renderer;
        this.versions = versions;
        this.onboarding = onboarding;
        this.tenants = tenants;
    }

    @Override
    public List<NoticeProblem> check(String tenantId, JsonNode draft) {
        return NoticeGuards.check(tenantId, draft);
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
