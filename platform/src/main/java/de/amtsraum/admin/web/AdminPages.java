package de.amtsraum.admin.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.admin.internal.AdminDrafts;
import de.amtsraum.site.TenantSite;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What every admin page shares: the frame, the draft, the signed-in admin, messages, refusals. */
@Component
class AdminPages {

    /** A section of the console and its path below {@code /{tenant}/verwaltung}. */
    record Section(String key, String path) {
    }

    static final java.util.List<Section> SECTIONS = java.util.List.of(new Section("overview", ""),
            new Section("services", "/dienste"), new Section("processors", "/auftragsverarbeiter"),
            new Section("retention", "/loeschfristen"), new Section("features", "/funktionen"),
            new Section("branding", "/gestaltung"), new Section("texts", "/texte"), new Section("staff", "/personal"),
            new Section("publish", "/veroeffentlichen"), new Section("audit", "/protokoll"),
            new Section("register", "/verzeichnis"));

    private final TenantSite site;
    private final AdminDrafts drafts;
    private final MessageSource messages;

    AdminPages(TenantSite site, AdminDrafts drafts, MessageSource messages) {
        this.site = site;
        this.drafts = drafts;
        this.messages = messages;
    }

    /** Frames the page (tenant site, section, whether the draft differs) and returns the draft. */
    ObjectNode frame(String tenant, String section, Model model) {
        site.frame(tenant, model);
        model.addAttribute("tenant", tenant);
        model.addAttribute("section", section);
        model.addAttribute("sections", SECTIONS);
        model.addAttribute("draftChanged", drafts.changed(tenant));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new LinkedHashMap<String, String>());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        ObjectNode draft = drafts.draft(tenant);
        model.addAttribute("draft", draft);
        return draft;
    }

    AdminDrafts drafts() {
        return drafts;
    }

    /** The admin's user name as the issuer named it (no citizen data). */
    static String actor(Authentication authentication) {
        return authentication.getName();
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    boolean english() {
        return Locale.ENGLISH.getLanguage().equals(LocaleContextHolder.getLocale().getLanguage());
    }

    /** Records the change and sends the admin back to the section with a confirmation. */
    String saved(String tenant, String section, String path, String description, ObjectNode draft,
                 Authentication admin, RedirectAttributes redirect) {
        drafts.change(tenant, section, description, actor(admin), draft);
        redirect.addFlashAttribute("notice", text("admin.saved", description));
        return "redirect:/" + tenant + "/verwaltung/" + path;
    }

    /** The section again with the error summary and the values as sent (422). */
    String refused(String tenant, String section, String view, Map<String, String> errors, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("errors", errors);
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> form.put(name, values.length == 0 ? "" : values[0]));
        model.addAttribute("form", form);
        frame(tenant, section, model);
        return view;
    }

    /** The days of an opening-hours entry in words ("Montag, Dienstag"). */
    public String days(JsonNode hours) {
        java.util.List<String> names = new java.util.ArrayList<>();
        hours.path("days").forEach(day -> names.add(text("admin.day." + day.asText())));
        return String.join(", ", names);
    }

    /** A retention rule in words in the page's language ("7 Tage nach der Erhebung gelöscht"). */
    public String rule(JsonNode rule) {
        String period = PeriodWords.of(rule.path("after").asText(), english());
        return text("admin.rule", period.isEmpty() ? text("admin.rule.immediately") : period,
                text("admin.trigger." + rule.path("trigger").asText()), text("admin.action." + rule.path("action").asText()));
    }

    static ArrayNode array(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        return existing instanceof ArrayNode array ? array : parent.putArray(field);
    }

    static ObjectNode object(ObjectNode parent, String field) {
        JsonNode existing = parent.get(field);
        return existing instanceof ObjectNode object ? object : parent.putObject(field);
    }

    static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
