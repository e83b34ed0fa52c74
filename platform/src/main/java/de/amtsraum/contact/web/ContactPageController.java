package de.amtsraum.contact.web;

import de.amtsraum.contact.ContactForm;
import de.amtsraum.contact.ContactRequests;
import de.amtsraum.contact.UnknownContactRequestException;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.ContactField;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /{tenant}/kontakt}: the contact form as a plain HTML form (no JavaScript), with German
 * messages next to each field and a summary at the top; post/redirect/get on success. The
 * withdrawal link of the confirmation mail lands on {@code /{tenant}/kontakt/widerruf}.
 */
@SiteController
class ContactPageController {

    /** A single-line field of the form: manifest field, name, German label, autocomplete, input type. */
    record Field(ContactField kind, String name, String label, String autocomplete, String type) {
    }

    /** A field as shown for one tenant: only those its manifest collects, required as it says. */
    record ShownField(String name, String label, boolean required, String autocomplete, String type) {
    }

    static final List<Field> FIELDS = List.of(
            new Field(ContactField.LAST_NAME, "lastName", "Nachname", "family-name", "text"),
            new Field(ContactField.FIRST_NAME, "firstName", "Vorname", "given-name", "text"),
            new Field(ContactField.EMAIL, "email", "E-Mail-Adresse", "email", "email"),
            new Field(ContactField.STREET, "street", "Straße", "address-line1", "text"),
            new Field(ContactField.HOUSE_NUMBER, "houseNumber", "Hausnummer", "off", "text"),
            new Field(ContactField.POSTAL_CODE, "postalCode", "Postleitzahl", "postal-code", "text"),
            new Field(ContactField.TOWN, "town", "Ort", "address-level2", "text"));

    private final TenantSite site;
    private final ContactRequests requests;

    ContactPageController(TenantSite site, ContactRequests requests) {
        this.site = site;
        this.requests = requests;
    }

    @GetMapping("/{tenant}/kontakt")
    String form(@PathVariable String tenant, Model model) {
        offering(tenant, model);
        model.addAttribute("form", new ContactForm(null, null, null, null, null, null, null, null, false));
        model.addAttribute("values", Map.of());
        model.addAttribute("errors", Map.of());
        return "contact/form";
    }

    @PostMapping(path = "/{tenant}/kontakt", consumes = "application/x-www-form-urlencoded")
    String submit(@PathVariable String tenant, @RequestParam Map<String, String> fields, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        TenantManifest manifest = offering(tenant, model);
        ContactForm form = new ContactForm(fields.get("lastName"), fields.get("firstName"), fields.get("email"),
                fields.get("message"), fields.get("street"), fields.get("houseNumber"), fields.get("postalCode"),
                fields.get("town"), fields.containsKey("consent")).normalized();
        List<ContactForm.Problem> problems = form.problems(manifest.contactForm());
        if (!problems.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            problems.forEach(problem -> errors.putIfAbsent(problem.field(), problem.message()));
            model.addAttribute("form", form);
            model.addAttribute("values", values(form));
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return "contact/form";
        }
        requests.submit(tenant, form, new ContactRequests.Submission(request.getRemoteAddr(),
                request.getHeader("User-Agent")));
        return "redirect:/" + tenant + "/kontakt/gesendet";
    }

    @GetMapping("/{tenant}/kontakt/gesendet")
    String sent(@PathVariable String tenant, Model model) {
        offering(tenant, model);
        return "contact/sent";
    }

    @GetMapping("/{tenant}/kontakt/widerruf")
    String confirmWithdrawal(@PathVariable String tenant, @RequestParam(required = false) String token, Model model) {
        offering(tenant, model);
        model.addAttribute("token", token == null ? "" : token);
        return "contact/withdraw";
    }

    @PostMapping(path = "/{tenant}/kontakt/widerruf", consumes = "application/x-www-form-urlencoded")
    String withdraw(@PathVariable String tenant, @RequestParam(required = false) String token, Model model,
                    HttpServletResponse response) {
        offering(tenant, model);
        try {
            requests.withdraw(tenant, token);
            return "contact/withdrawn";
        } catch (UnknownContactRequestException invalid) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("token", "");
            model.addAttribute("invalid", true);
            return "contact/withdraw";
        }
    }

    private static Map<String, String> values(ContactForm form) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("lastName", form.lastName());
        values.put("firstName", form.firstName());
        values.put("email", form.email());
        values.put("street", form.street());
        values.put("houseNumber", form.houseNumber());
        values.put("postalCode", form.postalCode());
        values.put("town", form.town());
        return values;
    }

    private TenantManifest offering(String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        if (!manifest.features().contactForm()) {
            throw new PageNotFoundException();
        }
        var settings = manifest.contactForm();
        model.addAttribute("fields", FIELDS.stream()
                .filter(f -> settings.requiredFields().contains(f.kind()) || settings.optionalFields().contains(f.kind()))
                .map(f -> new ShownField(f.name(), f.label(), settings.requiredFields().contains(f.kind()),
                        f.autocomplete(), f.type()))
                .toList());
        model.addAttribute("messageRequired", settings.requiredFields().contains(ContactField.REQUEST));
        // Thymeleaf reads "__" in attribute expressions as preprocessing, so BEM modifiers come from here.
        model.addAttribute("css", Map.of("inputError", "kern-form-input__input--error"));
        return manifest;
    }
}
