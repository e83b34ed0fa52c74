package de.amtsraum.admin.web;

import static de.amtsraum.admin.web.AdminPages.array;
import static de.amtsraum.admin.web.AdminPages.trimmed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Processors ({@code /{tenant}/verwaltung/auftragsverarbeiter}) and the retention rules of the data
 * categories ({@code /{tenant}/verwaltung/loeschfristen}). Whether a third-country processor has a
 * transfer basis is a publishing guard (notice module), not a form rule: the draft may be incomplete.
 */
@SiteController
class PrivacySettingsController {

    private static final Set<String> COUNTRIES = Arrays.stream(Locale.getISOCountries()).collect(Collectors.toSet());

    private final AdminPages pages;

    PrivacySettingsController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/{tenant}/verwaltung/auftragsverarbeiter")
    String processors(@PathVariable String tenant, Model model) {
        pages.frame(tenant, "processors", model);
        return "admin/processors";
    }

    @PostMapping(path = "/{tenant}/verwaltung/auftragsverarbeiter", consumes = "application/x-www-form-urlencoded")
    String addProcessor(@PathVariable String tenant, @RequestParam(required = false) String name,
                        @RequestParam(required = false) String street, @RequestParam(required = false) String postalCode,
                        @RequestParam(required = false) String city, @RequestParam(required = false) String country,
                        @RequestParam(required = false) String purpose, @RequestParam(required = false) String contractDate,
                        @RequestParam(required = false) String transferBasis, Authentication admin,
                        HttpServletRequest request, HttpServletResponse response, Model model,
                        RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, "processors", model);
        Map<String, String> errors = new LinkedHashMap<>();
        if (trimmed(name).isEmpty() || trimmed(name).length() > 300) {
            errors.put("name", pages.text("admin.error.required", pages.text("admin.processor.name")));
        }
        boolean anyAddress = !(trimmed(street) + trimmed(postalCode) + trimmed(city)).isEmpty();
        if (anyAddress) {
            for (var field : Map.of("street", street, "postalCode", postalCode, "city", city).entrySet()) {
                if (trimmed(field.getValue()).isEmpty()) {
                    errors.put(field.getKey(), pages.text("admin.error.required",
                            pages.text("admin.address." + field.getKey())));
                }
            }
        }
        String code = trimmed(country).toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(code)) {
            errors.put("country", pages.text("admin.error.country", trimmed(country)));
        }
        if (trimmed(purpose).isEmpty() || trimmed(purpose).length() > 1000) {
            errors.put("purpose", pages.text("admin.error.required", pages.text("admin.processor.purpose")));
        }
        LocalDate date = null;
        if (!trimmed(contractDate).isEmpty()) {
            try {
                date = LocalDate.parse(trimmed(contractDate));
            } catch (DateTimeParseException malformed) {
                errors.put("contractDate", pages.text("admin.error.date"));
            }
        }
        if (trimmed(transferBasis).length() > 1000) {
            errors.put("transferBasis", pages.text("admin.error.tooLong", pages.text("admin.processor.transferBasis"), 1000));
        }
        if (!errors.isEmpty()) {
            return pages.refused(tenant, "processors", "admin/processors", errors, request, response, model);
        }
        ObjectNode processor = array(draft, "processors").addObject();
        processor.put("name", trimmed(name));
        if (anyAddress) {
            ObjectNode address = processor.putObject("address");
            address.put("street", trimmed(street));
            address.put("postalCode", trimmed(postalCode));
            address.put("city", trimmed(city));
        }
        processor.put("country", code);
        processor.put("purpose", trimmed(purpose));
        if (date != null) {
            processor.put("contractDate", date.toString());
        }
        if (!trimmed(transferBasis).isEmpty()) {
            processor.put("transferBasis", trimmed(transferBasis));
        }
        return pages.saved(tenant, "processors", "auftragsverarbeiter",
                "Auftragsverarbeiter „" + trimmed(name) + "“ (" + code + ") hinzugefügt", draft, admin, redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/auftragsverarbeiter/{index}/entfernen",
            consumes = "application/x-www-form-urlencoded")
    String removeProcessor(@PathVariable String tenant, @PathVariable int index, Authentication admin, Model model,
                           RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, "processors", model);
        ArrayNode processors = array(draft, "processors");
        if (index < 0 || index >= processors.size()) {
            throw new PageNotFoundException();
        }
        JsonNode removed = processors.remove(index);
        return pages.saved(tenant, "processors", "auftragsverarbeiter",
                "Auftragsverarbeiter „" + removed.path("name").asText() + "“ entfernt", draft, admin, redirect);
    }

    @GetMapping("/{tenant}/verwaltung/loeschfristen")
    String retention(@PathVariable String tenant, Model model) {
        pages.frame(tenant, "retention", model);
        return "admin/retention";
    }

    @PostMapping(path = "/{tenant}/verwaltung/loeschfristen/{category}/{index}",
            consumes = "application/x-www-form-urlencoded")
    String changeRule(@PathVariable String tenant, @PathVariable String category, @PathVariable int index,
                      @RequestParam(required = false) String trigger, @RequestParam(required = false) String after,
                      @RequestParam(required = false) String action, Authentication admin, HttpServletRequest request,
                      HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, "retention", model);
        JsonNode found = CatalogueController.find(array(draft, "dataCategories"), category);
        if (found == null || index < 0 || index >= found.path("retention").size()) {
            throw new PageNotFoundException();
        }
        String field = category + "-" + index;
        Map<String, String> errors = new LinkedHashMap<>();
        String period = RetentionRuleForm.check(pages, field + "-", trigger, after, action, errors);
        if (!errors.isEmpty()) {
            model.addAttribute("ruleFor", field);
            return pages.refused(tenant, "retention", "admin/retention", errors, request, response, model);
        }
        ObjectNode rule = (ObjectNode) found.path("retention").get(index);
        String before = rule.path("after").asText();
        rule.put("trigger", trigger);
        rule.put("after", period);
        rule.put("action", action);
        return pages.saved(tenant, "retention", "loeschfristen", "Löschfrist der Kategorie „"
                + found.path("name").asText() + "“ von " + before + " auf " + period + " geändert", draft, admin, redirect);
    }
}
