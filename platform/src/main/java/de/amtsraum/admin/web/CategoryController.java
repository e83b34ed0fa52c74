package de.amtsraum.admin.web;

import static de.amtsraum.admin.web.AdminPages.array;
import static de.amtsraum.admin.web.AdminPages.trimmed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.manifest.ManifestRules;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data categories themselves ({@code /{tenant}/verwaltung/loeschfristen/...}): their texts and
 * covered kinds, adding one with its first retention rule, removing a category or a rule. The form
 * checks what it can (required texts, id pattern and uniqueness, a kind in one category only, kinds
 * an enabled feature needs); whether the whole draft is publishable (a personal category without a
 * rule, data still held under a removed category) is reported by {@code PrivacyNotices.check}.
 */
@SiteController
class CategoryController {

    private static final String SECTION = "retention";
    private static final String PATH = "loeschfristen";
    private static final String VIEW = "admin/category";

    private final AdminPages pages;

    CategoryController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/{tenant}/verwaltung/loeschfristen/neu")
    String blank(@PathVariable String tenant, Model model) {
        pages.frame(tenant, SECTION, model);
        return form(model, null, Set.of());
    }

    @GetMapping("/{tenant}/verwaltung/loeschfristen/{category}/bearbeiten")
    String edit(@PathVariable String tenant, @PathVariable String category, Model model) {
        JsonNode found = existing(pages.frame(tenant, SECTION, model), category);
        Set<String> covers = new LinkedHashSet<>();
        found.path("covers").forEach(kind -> covers.add(kind.asText()));
        return form(model, found, covers);
    }

    @PostMapping(path = "/{tenant}/verwaltung/loeschfristen/neu", consumes = "application/x-www-form-urlencoded")
    String add(@PathVariable String tenant, @RequestParam(required = false) String id,
               @RequestParam(required = false) String trigger, @RequestParam(required = false) String after,
               @RequestParam(required = false) String action, Authentication admin, HttpServletRequest request,
               HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        ArrayNode categories = array(draft, "dataCategories");
        Map<String, String> errors = new LinkedHashMap<>();
        String key = trimmed(id);
        if (!key.matches("^[a-z][a-z0-9-]{0,63}$")) {
            errors.put("id", pages.text("admin.error.categoryId", key));
        } else if (CatalogueController.find(categories, key) != null) {
            errors.put("id", pages.text("admin.error.categoryIdTaken", key));
        }
        ObjectNode category = JsonNodeFactory.instance.objectNode();
        category.put("id", key);
        texts(category, null, request, categories, errors);
        String period = RetentionRuleForm.check(pages, "", trigger, after, action, errors);
        if (!errors.isEmpty()) {
            return refused(tenant, null, request, response, model, errors);
        }
        category.putArray("retention").addObject().put("trigger", trigger).put("after", period).put("action", action);
        categories.add(category);
        return pages.saved(tenant, SECTION, PATH, "Datenkategorie „" + category.path("name").asText() + "“ (" + key
                + ") mit Löschfrist " + period + " hinzugefügt", draft, admin, redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/loeschfristen/{category}/bearbeiten",
            consumes = "application/x-www-form-urlencoded")
    String save(@PathVariable String tenant, @PathVariable String category, Authentication admin,
                HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        ArrayNode categories = array(draft, "dataCategories");
        ObjectNode found = existing(draft, category);
        String before = found.path("name").asText();
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode edited = found.deepCopy();
        texts(edited, category, request, categories, errors);
        if (!errors.isEmpty()) {
            return refused(tenant, found, request, response, model, errors);
        }
        found.setAll(edited);
        String name = edited.path("name").asText();
        return pages.saved(tenant, SECTION, PATH, "Datenkategorie „" + before + "“ bearbeitet"
                + (before.equals(name) ? "" : " (neuer Name „" + name + "“)"), draft, admin, redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/loeschfristen/{category}/entfernen",
            consumes = "application/x-www-form-urlencoded")
    String remove(@PathVariable String tenant, @PathVariable String category, Authentication admin,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        ArrayNode categories = array(draft, "dataCategories");
        ObjectNode found = existing(draft, category);
        String name = found.path("name").asText();
        Map<String, String> errors = new LinkedHashMap<>();
        for (var feature : ManifestRules.KINDS_NEEDED_BY_FEATURE.entrySet()) {
            if (draft.path("features").path(feature.getKey()).asBoolean(false)) {
                for (DataKind kind : feature.getValue()) {
                    if (covers(found, kind.name())) {
                        errors.putIfAbsent("remove-" + category, pages.text("admin.error.categoryNeeded", name,
                                pages.text("admin.kind." + kind.name()), pages.text("admin.feature." + feature.getKey())));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            return pages.refused(tenant, SECTION, "admin/retention", errors, request, response, model);
        }
        categories.remove(CatalogueController.indexOf(categories, category));
        return pages.saved(tenant, SECTION, PATH, "Datenkategorie „" + name + "“ (" + category + ") entfernt",
                draft, admin, redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/loeschfristen/{category}/{index}/entfernen",
            consumes = "application/x-www-form-urlencoded")
    String removeRule(@PathVariable String tenant, @PathVariable String category, @PathVariable int index,
                      Authentication admin, Model model, RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        ObjectNode found = existing(draft, category);
        ArrayNode rules = array(found, "retention");
        if (index < 0 || index >= rules.size()) {
            throw new PageNotFoundException();
        }
        JsonNode removed = rules.remove(index);
        return pages.saved(tenant, SECTION, PATH, "Löschregel „" + removed.path("after").asText() + " nach "
                + removed.path("trigger").asText() + "“ der Kategorie „" + found.path("name").asText() + "“ entfernt",
                draft, admin, redirect);
    }

    /** Reads and checks the texts and covered kinds into {@code category}; {@code self} is its id when it is edited, else null. */
    private void texts(ObjectNode category, String self, HttpServletRequest request, ArrayNode categories,
                       Map<String, String> errors) {
        required(category, "name", request.getParameter("name"), 200, errors);
        required(category, "description", request.getParameter("description"), 2000, errors);
        required(category, "legalBasis", request.getParameter("legalBasis"), 1000, errors);
        List<String> purposes = lines(request.getParameter("purposes"));
        if (purposes.isEmpty()) {
            errors.put("purposes", pages.text("admin.error.required", pages.text("admin.category.purposes")));
        }
        List<String> recipients = lines(request.getParameter("recipients"));
        for (var list : Map.of("purposes", purposes, "recipients", recipients).entrySet()) {
            if (list.getValue().stream().anyMatch(line -> line.length() > 1000)) {
                errors.put(list.getKey(), pages.text("admin.error.tooLong", pages.text("admin.category." + list.getKey()), 1000));
            }
        }
        String personal = request.getParameter("personal");
        if (!"true".equals(personal) && !"false".equals(personal)) {
            errors.put("personal", pages.text("admin.error.personal"));
        }
        Set<String> covers = new LinkedHashSet<>();
        for (String kind : request.getParameterValues("covers") == null ? new String[0]
                : request.getParameterValues("covers")) {
            if (Arrays.stream(DataKind.values()).noneMatch(k -> k.name().equals(kind))) {
                continue; // not offered by the form
            }
            covers.add(kind);
            for (JsonNode other : categories) {
                if (!other.path("id").asText().equals(self) && covers(other, kind)) {
                    errors.put("covers-" + kind, pages.text("admin.error.covered", pages.text("admin.kind." + kind),
                            other.path("name").asText()));
                }
            }
        }
        if ("false".equals(personal) && !covers.isEmpty()) {
            errors.putIfAbsent("personal", pages.text("admin.error.coversNotPersonal"));
        }
        category.put("personal", "true".equals(personal));
        ArrayNode purposeArray = category.putArray("purposes");
        purposes.forEach(purposeArray::add);
        if (recipients.isEmpty()) {
            category.remove("recipients");
        } else {
            ArrayNode recipientArray = category.putArray("recipients");
            recipients.forEach(recipientArray::add);
        }
        if (covers.isEmpty()) {
            category.remove("covers");
        } else {
            ArrayNode coverArray = category.putArray("covers");
            covers.forEach(coverArray::add);
        }
    }

    private void required(ObjectNode category, String field, String value, int max, Map<String, String> errors) {
        String text = trimmed(value);
        if (text.isEmpty()) {
            errors.put(field, pages.text("admin.error.required", pages.text("admin.category." + field)));
        } else if (text.length() > max) {
            errors.put(field, pages.text("admin.error.tooLong", pages.text("admin.category." + field), max));
        }
        category.put(field, text);
    }

    private static List<String> lines(String text) {
        return trimmed(text).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static boolean covers(JsonNode category, String kind) {
        for (JsonNode covered : category.path("covers")) {
            if (covered.asText().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode existing(ObjectNode draft, String id) {
        if (!(CatalogueController.find(array(draft, "dataCategories"), id) instanceof ObjectNode found)) {
            throw new PageNotFoundException();
        }
        return found;
    }

    private String form(Model model, JsonNode category, Set<String> covers) {
        model.addAttribute("category", category);
        model.addAttribute("kinds", Arrays.stream(DataKind.values()).map(DataKind::name).toList());
        model.addAttribute("covered", covers);
        if (category != null && !model.containsAttribute("refusedForm")) {
            Map<String, String> form = new LinkedHashMap<>();
            for (String field : List.of("name", "description", "legalBasis")) {
                form.put(field, category.path(field).asText());
            }
            form.put("purposes", joined(category.path("purposes")));
            form.put("recipients", joined(category.path("recipients")));
            form.put("personal", String.valueOf(category.path("personal").asBoolean(false)));
            model.addAttribute("form", form);
        }
        return VIEW;
    }

    private String refused(String tenant, JsonNode category, HttpServletRequest request, HttpServletResponse response,
                           Model model, Map<String, String> errors) {
        pages.refused(tenant, SECTION, VIEW, errors, request, response, model);
        model.addAttribute("refusedForm", true);
        String[] kinds = request.getParameterValues("covers");
        return form(model, category, kinds == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(kinds)));
    }

    private static String joined(JsonNode lines) {
        List<String> texts = new ArrayList<>();
        lines.forEach(line -> texts.add(line.asText()));
        return String.join("\n", texts);
    }
}
