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
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Services and locations with their opening hours ({@code /{tenant}/verwaltung/dienste}): add,
 * change and remove services; add locations and opening hours. Changes go to the draft only.
 */
@SiteController
class CatalogueController {

    static final String SECTION = "services";
    private static final String VIEW = "admin/services";
    private static final String PATH = "dienste";

    private final AdminPages pages;

    CatalogueController(AdminPages pages) {
        this.pages = pages;
    }

    @GetMapping("/{tenant}/verwaltung/dienste")
    String show(@PathVariable String tenant, @RequestParam(name = "dienst", required = false) String edit, Model model) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        if (edit != null) {
            JsonNode service = find(array(draft, "services"), edit);
            if (service == null) {
                throw new PageNotFoundException();
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("id", edit);
            form.put("name", service.path("name").asText());
            form.put("description", service.path("description").asText());
            form.put("durationMinutes", service.path("durationMinutes").asText());
            form.put("channel", service.path("channel").asText());
            form.put("location", service.path("location").asText(""));
            List<String> documents = new ArrayList<>();
            service.path("documentsToBring").forEach(d -> documents.add(d.asText()));
            form.put("documents", String.join("\n", documents));
            model.addAttribute("form", form);
        }
        return VIEW;
    }

    @PostMapping(path = "/{tenant}/verwaltung/dienste", consumes = "application/x-www-form-urlencoded")
    String saveService(@PathVariable String tenant, @RequestParam(required = false) String id,
                       @RequestParam(required = false) String name, @RequestParam(required = false) String description,
                       @RequestParam(required = false) String durationMinutes,
                       @RequestParam(required = false) String channel, @RequestParam(required = false) String location,
                       @RequestParam(required = false) String documents, Authentication admin,
                       HttpServletRequest request, HttpServletResponse response, Model model,
                       RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        ArrayNode services = array(draft, "services");
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "name", name, "admin.service.name", 200);
        required(errors, "description", description, "admin.service.description", 2000);
        Integer minutes = null;
        try {
            minutes = Integer.parseInt(trimmed(durationMinutes));
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        if (minutes == null || minutes < 5 || minutes > 480) {
            errors.put("durationMinutes", pages.text("admin.error.duration"));
        }
        if (!"ON_SITE".equals(channel) && !"VIDEO".equals(channel)) {
            errors.put("channel", pages.text("admin.error.channel"));
        }
        boolean knownLocation = trimmed(location).isEmpty() || find(array(draft, "locations"), location) != null;
        if ("ON_SITE".equals(channel) && trimmed(location).isEmpty() || !knownLocation) {
            errors.put("location", pages.text("admin.error.location"));
        }
        ObjectNode existing = trimmed(id).isEmpty() ? null : (ObjectNode) find(services, id);
        if (!trimmed(id).isEmpty() && existing == null) {
            throw new PageNotFoundException();
        }
        if (!errors.isEmpty()) {
            return pages.refused(tenant, SECTION, VIEW, errors, request, response, model);
        }
        ObjectNode service = existing != null ? existing : services.addObject();
        if (existing == null) {
            service.put("id", Slugs.unique(name, services));
        }
        service.put("name", trimmed(name));
        service.put("description", trimmed(description));
        service.put("durationMinutes", minutes);
        service.put("channel", channel);
        if (trimmed(location).isEmpty()) {
            service.remove("location");
        } else {
            service.put("location", trimmed(location));
        }
        ArrayNode list = service.putArray("documentsToBring");
        trimmed(documents).lines().map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> line.length() > 300 ? line.substring(0, 300) : line).forEach(list::add);
        if (list.isEmpty()) {
            service.remove("documentsToBring");
        }
        String description1 = existing != null ? "Dienstleistung „" + trimmed(name) + "“ geändert"
                : "Dienstleistung „" + trimmed(name) + "“ hinzugefügt";
        return pages.saved(tenant, SECTION, PATH, description1, draft, admin, redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/dienste/{id}/entfernen", consumes = "application/x-www-form-urlencoded")
    String removeService(@PathVariable String tenant, @PathVariable String id, Authentication admin, Model model,
                         RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        ArrayNode services = array(draft, "services");
        int index = indexOf(services, id);
        if (index < 0) {
            throw new PageNotFoundException();
        }
        String name = services.get(index).path("name").asText();
        services.remove(index);
        return pages.saved(tenant, SECTION, PATH, "Dienstleistung „" + name + "“ entfernt", draft, admin, redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/standorte", consumes = "application/x-www-form-urlencoded")
    String addLocation(@PathVariable String tenant, @RequestParam(required = false) String locationName,
                       @RequestParam(required = false) String street, @RequestParam(required = false) String postalCode,
                       @RequestParam(required = false) String city, Authentication admin, HttpServletRequest request,
                       HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        Map<String, String> errors = new LinkedHashMap<>();
        required(errors, "locationName", locationName, "admin.location.name", 200);
        required(errors, "street", street, "admin.address.street", 200);
        required(errors, "postalCode", postalCode, "admin.address.postalCode", 20);
        required(errors, "city", city, "admin.address.city", 120);
        if (!errors.isEmpty()) {
            return pages.refused(tenant, SECTION, VIEW, errors, request, response, model);
        }
        ArrayNode locations = array(draft, "locations");
        ObjectNode location = locations.addObject();
        location.put("id", Slugs.unique(locationName, locations));
        location.put("name", trimmed(locationName));
        ObjectNode address = location.putObject("address");
        address.put("street", trimmed(street));
        address.put("postalCode", trimmed(postalCode));
        address.put("city", trimmed(city));
        location.putArray("openingHours");
        return pages.saved(tenant, SECTION, PATH, "Standort „" + trimmed(locationName) + "“ hinzugefügt", draft, admin,
                redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/standorte/{id}/zeiten", consumes = "application/x-www-form-urlencoded")
    String addHours(@PathVariable String tenant, @PathVariable String id,
                    @RequestParam(name = "days", required = false) List<String> days,
                    @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String capacity, Authentication admin, HttpServletRequest request,
                    HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        ObjectNode location = (ObjectNode) find(array(draft, "locations"), id);
        if (location == null) {
            throw new PageNotFoundException();
        }
        Map<String, String> errors = new LinkedHashMap<>();
        List<DayOfWeek> chosen = new ArrayList<>();
        for (String day : days == null ? List.<String>of() : days) {
            try {
                DayOfWeek value = DayOfWeek.valueOf(day);
                if (!chosen.contains(value)) {
                    chosen.add(value);
                }
            } catch (IllegalArgumentException unknown) {
                // an unknown day counts as none chosen
            }
        }
        if (chosen.isEmpty()) {
            errors.put(id + "-days", pages.text("admin.error.days"));
        }
        LocalTime start = time(errors, id + "-from", from);
        LocalTime end = time(errors, id + "-to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.put(id + "-to", pages.text("admin.error.order"));
        }
        Integer parallel = null;
        try {
            parallel = Integer.parseInt(trimmed(capacity));
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        if (parallel == null || parallel < 1 || parallel > 100) {
            errors.put(id + "-capacity", pages.text("admin.error.capacity"));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("hoursFor", id);
            return pages.refused(tenant, SECTION, VIEW, errors, request, response, model);
        }
        ObjectNode hours = array(location, "openingHours").addObject();
        ArrayNode dayList = hours.putArray("days");
        chosen.stream().sorted().forEach(day -> dayList.add(day.name()));
        hours.put("from", start.toString());
        hours.put("to", end.toString());
        hours.put("capacity", parallel);
        return pages.saved(tenant, SECTION, PATH, "Öffnungszeit " + start + "–" + end + " am Standort „"
                + location.path("name").asText() + "“ hinzugefügt", draft, admin, redirect);
    }

    @PostMapping(path = "/{tenant}/verwaltung/standorte/{id}/zeiten/{index}/entfernen",
            consumes = "application/x-www-form-urlencoded")
    String removeHours(@PathVariable String tenant, @PathVariable String id, @PathVariable int index,
                       Authentication admin, Model model, RedirectAttributes redirect) {
        ObjectNode draft = pages.frame(tenant, SECTION, model);
        JsonNode location = find(array(draft, "locations"), id);
        if (location == null || index < 0 || index >= location.path("openingHours").size()) {
            throw new PageNotFoundException();
        }
        JsonNode removed = ((ArrayNode) location.get("openingHours")).remove(index);
        return pages.saved(tenant, SECTION, PATH, "Öffnungszeit " + removed.path("from").asText() + "–"
                + removed.path("to").asText() + " am Standort „" + location.path("name").asText() + "“ entfernt",
                draft, admin, redirect);
    }

    private LocalTime time(Map<String, String> errors, String field, String value) {
        try {
            if (trimmed(value).matches("([01]\\d|2[0-3]):[0-5]\\d")) {
                return LocalTime.parse(trimmed(value));
            }
        } catch (DateTimeParseException malformed) {
            // reported below
        }
        errors.put(field, pages.text("admin.error.time"));
        return null;
    }

    private void required(Map<String, String> errors, String field, String value, String label, int max) {
        if (trimmed(value).isEmpty()) {
            errors.put(field, pages.text("admin.error.required", pages.text(label)));
        } else if (trimmed(value).length() > max) {
            errors.put(field, pages.text("admin.error.tooLong", pages.text(label), max));
        }
    }

    static JsonNode find(ArrayNode items, String id) {
        int index = indexOf(items, id);
        return index < 0 ? null : items.get(index);
    }

    static int indexOf(ArrayNode items, String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("id").asText().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
