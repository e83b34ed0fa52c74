package de.amtsraum.notice.internal;

import de.amtsraum.site.Markdown;
import de.amtsraum.site.RetentionText;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.DataCategory;
import de.amtsraum.tenancy.manifest.TenantManifest.Processor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one renderer of a tenant's privacy notice, for the preview and for publishing: the notice's
 * body from the manifest — the admin's prose, controller, DPO, every personal data category with
 * purposes, legal basis, recipients and the retention rules the engine runs, the processing
 * purposes with their categories, processors, the third-country statement derived from the
 * processors' countries, the rights (linking the rights page) and the supervisory authority.
 * Deterministic: the same manifest gives the same HTML, so "changed" means "the notice differs".
 */
@Component
public class NoticeRenderer {

    static final Locale GERMAN = Locale.GERMAN;
    static final Locale ENGLISH = Locale.ENGLISH;

    private final ITemplateEngine templates;

    NoticeRenderer(ITemplateEngine templates) {
        this.templates = templates;
    }

    /** A personal data category as the notice shows it. */
    public record CategoryView(String id, String name, String description, List<String> purposes, String legalBasis,
                               List<String> recipients, List<String> retention) {
    }

    /** A processing purpose with the categories processed for it and their legal bases. */
    public record PurposeView(String purpose, List<String> categories, List<String> legalBases) {
    }

    /** The German and the English rendering of one notice. */
    public record Rendered(String german, String english) {
    }

    public Rendered render(TenantManifest manifest) {
        return new Rendered(render(manifest, GERMAN), render(manifest, ENGLISH));
    }

    public String render(TenantManifest manifest, Locale locale) {
        Context context = new Context(locale);
        context.setVariables(model(manifest, locale));
        return templates.process("notice/body", context).strip();
    }

    /** What the notice template (and the record of processing activities) shows. */
    public static Map<String, Object> model(TenantManifest manifest, Locale locale) {
        boolean english = ENGLISH.getLanguage().equals(locale.getLanguage());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("manifest", manifest);
        model.put("prose", Markdown.toHtml(manifest.texts() == null ? null : manifest.texts().privacyProse()));
        model.put("categories", categories(manifest, english));
        model.put("purposes", purposes(manifest));
        model.put("thirdCountry", thirdCountry(manifest));
        model.put("rightsUrl", "/" + manifest.id() + "/rechte" + (english ? "?lang=en" : ""));
        return model;
    }

    public static List<CategoryView> categories(TenantManifest manifest, boolean english) {
        return manifest.dataCategories().stream()
                .filter(DataCategory::personal)
                .map(c -> new CategoryView(c.id(), c.name(), c.description(), c.purposes(), c.legalBasis(),
                        c.recipients(), c.retention().stream()
                        .map(rule -> english ? RetentionText.english(rule) : RetentionText.of(rule)).toList()))
                .toList();
    }

    /** Per purpose (in the order first named) the personal categories processed for it. */
    public static List<PurposeView> purposes(TenantManifest manifest) {
        Map<String, List<DataCategory>> byPurpose = new LinkedHashMap<>();
        for (DataCategory category : manifest.dataCategories()) {
            if (category.personal()) {
                category.purposes().forEach(purpose -> byPurpose.computeIfAbsent(purpose, p -> new ArrayList<>())
                        .add(category));
            }
        }
        return byPurpose.entrySet().stream()
                .map(entry -> new PurposeView(entry.getKey(),
                        entry.getValue().stream().map(DataCategory::name).toList(),
                        entry.getValue().stream().map(DataCategory::legalBasis).distinct().toList()))
                .toList();
    }

    /** The processors outside the EU/EEA; empty means no transfer to third countries. */
    public static List<Processor> thirdCountry(TenantManifest manifest) {
        return manifest.processors().stream().filter(processor -> !processor.insideEuEea()).toList();
    }
}
