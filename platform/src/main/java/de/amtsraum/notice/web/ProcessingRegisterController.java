package de.amtsraum.notice.web;

import de.amtsraum.notice.PrivacyNotices;
import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.notice.internal.ProcessingRegister;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The tenant's record of processing activities (Art. 30 GDPR) for its admins, as a page and as PDF:
 * {@code /{tenant}/verwaltung/verzeichnis[.pdf]}. Sign-in and the TENANT_ADMIN check are the admin
 * console chain's (module admin).
 */
@SiteController
class ProcessingRegisterController {

    private final TenantSite site;
    private final ProcessingRegister register;
    private final PrivacyNotices notices;
    private final Clock clock;

    ProcessingRegisterController(TenantSite site, ProcessingRegister register, PrivacyNotices notices, Clock clock) {
        this.site = site;
        this.register = register;
        this.notices = notices;
        this.clock = clock;
    }

    @GetMapping("/{tenant}/verwaltung/verzeichnis")
    String page(@PathVariable String tenant, Model model, Locale locale) {
        TenantManifest manifest = site.frame(tenant, model);
        model.addAttribute("register", register.body(manifest, noticeNumber(tenant), clock.instant(), locale));
        return "notice/verzeichnis";
    }

    @GetMapping("/{tenant}/verwaltung/verzeichnis.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String tenant, Locale locale) {
        TenantManifest manifest = site.resolve(tenant);
        byte[] pdf = register.pdf(manifest, noticeNumber(tenant), clock.instant(), locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("verarbeitungsverzeichnis-" + tenant + ".pdf").build().toString())
                .body(pdf);
    }

    private int noticeNumber(String tenant) {
        return notices.current(tenant).map(PublishedNotice::number).orElse(0);
    }
}
