package de.amtsraum.rights.web;

import de.amtsraum.antibot.BotChallenges;
import de.amtsraum.antibot.BotCheckFailedException;
import de.amtsraum.identity.RightsLinks;
import de.amtsraum.rights.DataSubjects;
import de.amtsraum.rights.ErasureReceipt;
import de.amtsraum.rights.Person;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /{tenant}/meine-daten}: the citizen's self-service for the data-subject rights (issue 8).
 * Without a token: what the page is for and a form that mails a fresh link (the same answer whether
 * the address is known or not). With the signed token of a mail: everything held (Art. 15), the
 * export (Art. 20) and the erasure with its receipt (Art. 17). A forged, expired or foreign token
 * gets a German error page with 404 that discloses nothing.
 */
@SiteController
class RightsPageController {

    private final TenantSite site;
    private final RightsLinks links;
    private final DataSubjects subjects;
    private final BotChallenges challenges;

    private final RightsControlsView controlsView;

    RightsPageController(TenantSite site, RightsLinks links, DataSubjects subjects, BotChallenges challenges,
                         RightsControlsView controlsView) {
        this.controlsView = controlsView;
        this.site = site;
        this.links = links;
        this.subjects = subjects;
        this.challenges = challenges;
    }

    @GetMapping("/{tenant}/meine-daten")
    String page(@PathVariable String tenant, @RequestParam(required = false) String token, Model model,
                HttpServletResponse response, org.springframework.security.web.csrf.CsrfToken csrf) {
        site.frame(tenant, model);
        if (token == null || token.isBlank()) {
            return requestForm(tenant, model, false);
        }
        Optional<Person> person = person(tenant, token);
        if (person.isEmpty()) {
            return invalid(response);
        }
        Optional<ErasureReceipt> receipt = subjects.receiptOf(person.get());
        model.addAttribute("token", token);
        // The page's forms need the CSRF token, which lives in the session: create it before rendering,
        // since a long overview is flushed to the client before its first form (session after commit).
        if (csrf != null) {
            csrf.getToken();
        }
        DataSubjects.Report report = subjects.access(person.get());
        model.addAttribute("report", report);
        model.addAttribute("receipt", receipt.orElse(null));
        controlsView.addTo(model, token, person.get(), report.records());
        return "rights/overview";
    }

    @PostMapping(path = "/{tenant}/meine-daten/link", consumes = "application/x-www-form-urlencoded")
    String requestLink(@PathVariable String tenant, @RequestParam Map<String, String> fields, Model model,
                       HttpServletResponse response) {
        site.frame(tenant, model);
        String email = fields.getOrDefault("email", "").strip();
        if (email.isEmpty() || !email.contains("@") || email.length() > 254) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("email", email);
            return requestForm(tenant, model, true);
        }
        try {
            challenges.verify(tenant, BotChallenges.solution(fields));
        } catch (BotCheckFailedException failed) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("email", email);
            model.addAttribute("botFailed", true);
            return requestForm(tenant, model, false);
        }
        subjects.mailLink(tenant, email);
        return "rights/requested";
    }

    @PostMapping(path = "/{tenant}/meine-daten/export", consumes = "application/x-www-form-urlencoded")
    ResponseEntity<byte[]> export(@PathVariable String tenant, @RequestParam(required = false) String token) {
        site.resolve(tenant);
        Optional<Person> person = person(tenant, token);
        if (person.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
                    .body("Der Link ist ungültig oder abgelaufen.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("meine-daten-" + tenant + ".json").build().toString())
                .body(subjects.export(person.get()));
    }

    @GetMapping("/{tenant}/meine-daten/loeschen")
    String confirmErasure(@PathVariable String tenant, @RequestParam(required = false) String token, Model model,
                          HttpServletResponse response) {
        site.frame(tenant, model);
        if (person(tenant, token).isEmpty()) {
            return invalid(response);
        }
        model.addAttribute("token", token);
        return "rights/erase";
    }

    @PostMapping(path = "/{tenant}/meine-daten/loeschen", consumes = "application/x-www-form-urlencoded")
    String erase(@PathVariable String tenant, @RequestParam(required = false) String token, Model model,
                 HttpServletResponse response) {
        site.frame(tenant, model);
        Optional<Person> person = person(tenant, token);
        if (person.isEmpty()) {
            return invalid(response);
        }
        model.addAttribute("receipt", subjects.erase(person.get(), RequestChannel.SELF_SERVICE));
        return "rights/receipt";
    }

    private String requestForm(String tenant, Model model, boolean emailInvalid) {
        model.addAttribute("challenge", challenges.issue(tenant));
        model.addAttribute("emailInvalid", emailInvalid);
        model.addAttribute("css", Map.of("inputError", "kern-form-input__input--error"));
        return "rights/link-request";
    }

    private Optional<Person> person(String tenant, String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return links.subjectOf(token, tenant).flatMap(subject -> subjects.bySubject(tenant, subject));
    }

    private static String invalid(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "rights/invalid";
    }
}
