package de.amtsraum.notice.web;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsraum.notice.NoticeProblem;
import de.amtsraum.notice.PrivacyNotices;
import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.shared.web.ProblemException;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tenant-admin API of the privacy notice: the published versions, checking a draft, and publishing
 * a draft (the manifest document) together with its notice. Role TENANT_ADMIN of the tenant only.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenant}/privacy-notices", produces = "application/json")
@SecurityRequirement(name = "bearer")
class PrivacyNoticeApiController {

    private final PrivacyNotices notices;
    private final TenantDirectory tenants;

    PrivacyNoticeApiController(PrivacyNotices notices, TenantDirectory tenants) {
        this.notices = notices;
        this.tenants = tenants;
    }

    record VersionSummary(int number, Instant publishedAt, String publishedBy, String manifestHash) {
        static VersionSummary of(PublishedNotice notice) {
            return new VersionSummary(notice.number(), notice.publishedAt(), notice.publishedBy(), notice.manifestHash());
        }
    }

    record CheckResult(boolean publishable, List<NoticeProblem> problems) {
    }

    @GetMapping
    @Operation(summary = "The tenant's published privacy notice versions, newest first")
    List<VersionSummary> versions(@PathVariable String tenant) {
        known(tenant);
        return notices.versions(tenant).stream().map(VersionSummary::of).toList();
    }

    @GetMapping("/{number}")
    @Operation(summary = "One published version with its HTML exactly as published")
    PublishedNotice version(@PathVariable String tenant, @PathVariable int number) {
        known(tenant);
        return notices.version(tenant, number).orElseThrow(UnknownVersionException::new);
    }

    @PostMapping(path = "/checks", consumes = "application/json")
    @Operation(summary = "Check a draft manifest: every problem that would refuse publishing (manifest rules and notice guards)")
    CheckResult check(@PathVariable String tenant, @RequestBody JsonNode draft) {
        known(tenant);
        List<NoticeProblem> problems = notices.check(tenant, draft);
        return new CheckResult(problems.isEmpty(), problems);
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Publish a draft manifest with its privacy notice",
            description = "201 with the current version (a new one when the notice changed); 422 problem+json "
                    + "with errors[] when refused — then nothing changed.")
    ResponseEntity<PublishedNotice> publish(@PathVariable String tenant, @RequestBody JsonNode draft, Principal admin) {
        known(tenant);
        PublishedNotice published = notices.publish(tenant, draft, admin.getName());
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant + "/privacy-notices/" + published.number()))
                .body(published);
    }

    static final class UnknownVersionException extends ProblemException {
        UnknownVersionException() {
            super(HttpStatus.NOT_FOUND, "unknown-notice-version", "Unknown notice version",
                    "The tenant has no notice version with this number.");
        }
    }

    private void known(String tenant) {
        if (!tenants.exists(tenant)) {
            throw new UnknownTenantException();
        }
    }
}
