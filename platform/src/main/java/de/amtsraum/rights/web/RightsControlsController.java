package de.amtsraum.rights.web;

import de.amtsraum.identity.RightsLinks;
import de.amtsraum.rights.DataSubjects;
import de.amtsraum.rights.Person;
import de.amtsraum.rights.ProcessingControls;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of {@code templates/rights/controls.html} on {@code /{tenant}/meine-daten} (issue 8):
 * restriction, lifting it, objection, correction and withdrawal of consent, self-service. The
 * rights-link token comes as a hidden field and is verified on every post ({@link RightsLinks});
 * a forged or expired one gets a 400 page and changes nothing. After the change the citizen is
 * redirected back to the overview with a flash message ({@code rightsControlsMessage}, or
 * {@code rightsControlsError} with the German form message for refused input).
 */
@SiteController
class RightsControlsController {

    static final String MESSAGE = "rightsControlsMessage";
    static final String ERROR = "rightsControlsError";
    static final String VALUE_PREFIX = "value.";

    private final TenantSite site;
    private final RightsLinks links;
    private final ProcessingControls controls;
    private final ObjectProvider<DataSubjects> subjects;

    RightsControlsController(TenantSite site, RightsLinks links, ProcessingControls controls,
                             ObjectProvider<DataSubjects> subjects) {
        this.site = site;
        this.links = links;
        this.controls = controls;
        this.subjects = subjects;
    }

    @PostMapping(path = "/{tenant}/meine-daten/einschraenken", consumes = "application/x-www-form-urlencoded")
    String restrict(@PathVariable String tenant, @RequestParam(required = false) String token, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        return act(tenant, token, model, response, redirect, "rights.controls.done.restricted",
                person -> controls.restrict(person, RequestChannel.SELF_SERVICE));
    }

    @PostMapping(path = "/{tenant}/meine-daten/einschraenkung-aufheben", consumes = "application/x-www-form-urlencoded")
    String lift(@PathVariable String tenant, @RequestParam(required = false) String token, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        return act(tenant, token, model, response, redirect, "rights.controls.done.lifted",
                person -> controls.liftRestriction(person, RequestChannel.SELF_SERVICE));
    }

    @PostMapping(path = "/{tenant}/meine-daten/widerspruch", consumes = "application/x-www-form-urlencoded")
    String object(@PathVariable String tenant, @RequestParam(required = false) String token,
                  @RequestParam(required = false) String grounds, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return act(tenant, token, model, response, redirect, "rights.controls.done.objected",
                person -> controls.object(person, grounds, RequestChannel.SELF_SERVICE));
    }

    @PostMapping(path = "/{tenant}/meine-daten/berichtigen", consumes = "application/x-www-form-urlencoded")
    String correct(@PathVariable String tenant, @RequestParam Map<String, String> fields, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(VALUE_PREFIX) && value != null && !value.isBlank()) {
                values.put(name.substring(VALUE_PREFIX.length()), value);
            }
        });
        return act(tenant, fields.get("token"), model, response, redirect, "rights.controls.done.corrected",
                person -> controls.correct(person, fields.get("source"), fields.get("recordId"), values,
                        RequestChannel.SELF_SERVICE));
    }

    @PostMapping(path = "/{tenant}/meine-daten/einwilligung-widerrufen", consumes = "application/x-www-form-urlencoded")
    String withdraw(@PathVariable String tenant, @RequestParam(required = false) String token,
                    @RequestParam(required = false) String source, @RequestParam(required = false) String recordId,
                    Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return act(tenant, token, model, response, redirect, "rights.controls.done.withdrawn",
                person -> controls.withdrawConsent(person, source, recordId, RequestChannel.SELF_SERVICE));
    }

    private String act(String tenant, String token, Model model, HttpServletResponse response,
                       RedirectAttributes redirect, String doneKey, Consumer<Person> action) {
        site.frame(tenant, model);
        Optional<Person> person = person(tenant, token);
        if (person.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "rights/link-invalid";
        }
        try {
            action.accept(person.get());
            redirect.addFlashAttribute(MESSAGE, doneKey);
        } catch (IllegalArgumentException refused) {
            String key = refused.getMessage();
            redirect.addFlashAttribute(ERROR, key != null && key.startsWith("rights.")
                    ? key : "rights.controls.error.invalid");
        }
        return "redirect:/" + tenant + "/meine-daten?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** The person of a genuine link; without the registry (DataSubjects) the link's subject alone. */
    private Optional<Person> person(String tenant, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return links.subjectOf(token, tenant).flatMap(subject -> {
            DataSubjects registry = subjects.getIfAvailable();
            return registry == null ? Optional.of(new Person(tenant, subject, Set.of(subject)))
                    : registry.bySubject(tenant, subject);
        });
    }
}
