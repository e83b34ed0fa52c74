package de.amtsraum.admin.web;

import static de.amtsraum.admin.web.AdminPages.object;
import static de.amtsraum.admin.web.AdminPages.trimmed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.site.SiteController;
import de.amtsraum.tenancy.manifest.ManifestReader;
import de.amtsraum.tenancy.manifest.ManifestRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Features, branding (colour, logo) and texts (terms of use, own privacy prose in Markdown). */
@SiteController
class SettingsController {

    /** The features an admin switches, in the order of the form. */
    static final List<String> FEATURES = List.of("booking", "video", "contactForm", "citizenAccounts",
            "pseudonymousRegistration", "termsOfUse");

    private final AdminPages pages;

    SettingsController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/{tenant}/verwaltung/funktionen")
    String features(@PathVariable String tenant, Model model) {
        pages.frame(tenant, "features", model);
        model.addAttribute("features", FEATURES);
        return "admin/features";
    }

    @PostMapping(path = "/{tenant}/verwaltung/funktionen", consumes = "application/x-www-form-urlencoded")
    String saveFeatures(@PathVariable String tenant, HttpServletRequest request, Authentication admin, Model model,
                        RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, "features", model);
        ObjectNode features = object(draft, "features");
        List<String> switched = new ArrayList<>();
        for (String feature : FEATURES) {
            boolean on = "on".equals(request.getParameter(feature));
            if (features.path(feature).asBoolean(false) != on) {
                switched.add(feature + (on ? " ein" : " aus"));
            }
            features.put(feature, on);
        }
        String what = switched.isEmpty() ? "Funktionen unverändert gespeichert"
                : "Funktionen geändert: " + String.join(", ", switched);
        return pages.saved(tenant, "features", "funktionen", what, draft, admin, redirect);
    }

    @GetMapping("/{tenant}/verwaltung/gestaltung")
    String branding(@PathVariable String tenant, Model model) {
        pages.frame(tenant, "branding", model);
        return "admin/branding";
    }

    @PostMapping(path = "/{tenant}/verwaltung/gestaltung", consumes = "application/x-www-form-urlencoded")
    String saveColour(@PathVariable String tenant, @RequestParam(required = false) String primaryColor,
                      Authentication admin, HttpServletRequest request, HttpServletResponse response, Model model,
                      RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, "branding", model);
        String colour = trimmed(primaryColor).toLowerCase(Locale.ROOT);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!colour.matches("#[0-9a-f]{6}")) {
            errors.put("primaryColor", pages.text("admin.error.colour"));
        } else {
            double contrast = ManifestRules.contrastWithWhite(colour);
            if (contrast < ManifestRules.MINIMUM_CONTRAST) {
                errors.put("primaryColor", pages.text("admin.error.contrast",
                        String.format(pages.english() ? Locale.ENGLISH : Locale.GERMAN, "%.1f", contrast)));
            }
        }
        if (!errors.isEmpty()) {
            return pages.refused(tenant, "branding", "admin/branding", errors, request, response, model);
        }
        object(draft, "branding").put("primaryColor", colour);
        return pages.saved(tenant, "branding", "gestaltung", "Hauptfarbe auf " + colour + " geändert", draft, admin,
                redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/gestaltung/logo", consumes = "multipart/form-data")
    String saveLogo(@PathVariable String tenant, @RequestParam(name = "logo", required = false) MultipartFile logo,
                    Authentication admin, HttpServletRequest request, HttpServletResponse response, Model model,
                    RedirectAttributes redirect) throws IOException {
        ObjectNode draft = pages.frame(tenant, "branding", model);
        Map<String, String> errors = new LinkedHashMap<>();
        String type = logo == null || logo.isEmpty() ? null : logoType(logo);
        if (type == null) {
            errors.put("logo", pages.text("admin.error.logo.type"));
        } else if (logo.getSize() > ManifestReader.MAX_LOGO_BYTES) {
            errors.put("logo", pages.text("admin.error.logo.size"));
        }
        if (!errors.isEmpty()) {
            return pages.refused(tenant, "branding", "admin/branding", errors, request, response, model);
        }
        object(draft, "branding").put("logo", "data:" + type + ";base64,"
                + Base64.getEncoder().encodeToString(logo.getBytes()));
        return pages.saved(tenant, "branding", "gestaltung", "Logo ersetzt (" + type + ", "
                + Math.max(1, logo.getSize() / 1024) + " KB)", draft, admin, redirect);
    }

    /** PNG by its signature, SVG by its markup; the file name and the browser's type are not trusted. */
    private static String logoType(MultipartFile file) throws IOException {
        byte[] head = file.getInputStream().readNBytes(512);
        if (head.length >= 8 && (head[0] & 0xff) == 0x89 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G') {
            return "image/png";
        }
        String text = new String(head, StandardCharsets.UTF_8).stripLeading();
        return text.startsWith("<svg") || text.startsWith("<?xml") && text.contains("<svg") ? "image/svg+xml" : null;
    }

    @GetMapping("/{tenant}/verwaltung/texte")
    String texts(@PathVariable String tenant, Model model) {
        pages.frame(tenant, "texts", model);
        return "admin/texts";
    }

    @PostMapping(path = "/{tenant}/verwaltung/texte", consumes = "application/x-www-form-urlencoded")
    String saveTexts(@PathVariable String tenant, @RequestParam(required = false) String privacyProse,
                     @RequestParam(required = false) String termsOfUse, Authentication admin,
                     HttpServletRequest request, HttpServletResponse response, Model model,
                     RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, "texts", model);
        Map<String, String> errors = new LinkedHashMap<>();
        if (trimmed(privacyProse).isEmpty()) {
            errors.put("privacyProse", pages.text("admin.error.required", pages.text("admin.texts.privacyProse")));
        } else if (privacyProse.length() > 100_000) {
            errors.put("privacyProse", pages.text("admin.error.tooLong", pages.text("admin.texts.privacyProse"), 100000));
        }
        if (termsOfUse != null && termsOfUse.length() > 100_000) {
            errors.put("termsOfUse", pages.text("admin.error.tooLong", pages.text("admin.texts.termsOfUse"), 100000));
        }
        if (!errors.isEmpty()) {
            return pages.refused(tenant, "texts", "admin/texts", errors, request, response, model);
        }
        ObjectNode texts = object(draft, "texts");
        List<String> changed = new ArrayList<>();
        if (!texts.path("privacyProse").asText("").equals(privacyProse.strip())) {
            changed.add("eigener Datenschutztext");
        }
        texts.put("privacyProse", privacyProse.strip());
        if (trimmed(termsOfUse).isEmpty()) {
            if (texts.has("termsOfUse")) {
                changed.add("Nutzungsbedingungen entfernt");
            }
            texts.remove("termsOfUse");
        } else {
            if (!texts.path("termsOfUse").asText("").equals(termsOfUse.strip())) {
                changed.add("Nutzungsbedingungen");
            }
            texts.put("termsOfUse", termsOfUse.strip());
        }
        String what = changed.isEmpty() ? "Texte unverändert gespeichert" : "Texte geändert: " + String.join(", ", changed);
        return pages.saved(tenant, "texts", "texte", what, draft, admin, redirect);
    }
}
