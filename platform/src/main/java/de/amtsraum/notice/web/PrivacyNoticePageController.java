package de.amtsraum.notice.web;

import de.amtsraum.notice.PrivacyNotices;
import de.amtsraum.notice.PublishedNotice;
import de.amtsraum.notice.internal.NoticeVersions;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The citizen pages of the privacy notice: {@code /{tenant}/datenschutz} (the current version with
 * its number and date), {@code …/versionen} (every version) and {@code …/versionen/{n}} (an old one
 * exactly as published, marked as outdated), and {@code /{tenant}/rechte} (the rights and how to
 * exercise each).
 */
@SiteController
class PrivacyNoticePageController {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final TenantSite site;
    private final NoticeVersions stored;
    private final PrivacyNotices notices;

    PrivacyNoticePageController(TenantSite site, NoticeVersions stored, PrivacyNotices notices) {
        this.site = site;
        this.stored = stored;
        this.notices = notices;
    }

    record VersionRow(int number, String date, boolean current) {
    }

    @GetMapping("/{tenant}/datenschutz")
    String current(@PathVariable String tenant, Model model, Locale locale) {
        TenantManifest manifest = site.frame(tenant, model);
        stored.current(tenant).ifPresent(version -> show(model, manifest, version, locale));
        model.addAttribute("outdated", false);
        return "notice/datenschutz";
    }

    @GetMapping("/{tenant}/datenschutz/versionen")
    String versions(@PathVariable String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        List<PublishedNotice> all = notices.versions(tenant);
        model.addAttribute("versions", all.stream()
                .map(v -> new VersionRow(v.number(), date(manifest, v.publishedAt()), v.number() == all.getFirst().number()))
                .toList());
        return "notice/versionen";
    }

    @GetMapping("/{tenant}/datenschutz/versionen/{number:\\d{1,9}}")
    String version(@PathVariable String tenant, @PathVariable int number, Model model, Locale locale) {
        TenantManifest manifest = site.frame(tenant, model);
        NoticeVersions.Stored version = stored.version(tenant, number).orElseThrow(PageNotFoundException::new);
        show(model, manifest, version, locale);
        int current = stored.current(tenant).map(v -> v.notice().number()).orElse(number);
        model.addAttribute("outdated", number != current);
        return "notice/datenschutz";
    }

    @GetMapping("/{tenant}/rechte")
    String rights(@PathVariable String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        model.addAttribute("manifest", manifest);
        return "notice/rechte";
    }

    private static void show(Model model, TenantManifest manifest, NoticeVersions.Stored version, Locale locale) {
        model.addAttribute("number", version.notice().number());
        model.addAttribute("changed", date(manifest, version.notice().publishedAt()));
        model.addAttribute("notice", version.html(locale));
    }

    private static String date(TenantManifest manifest, Instant at) {
        return DATE.format(at.atZone(manifest.timeZone()));
    }
}
