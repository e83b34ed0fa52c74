package de.amtsraum.account.web;

import de.amtsraum.account.AccountException;
import de.amtsraum.account.AccountProblem;
import de.amtsraum.account.CitizenAccounts;
import de.amtsraum.account.CitizenPrincipal;
import de.amtsraum.account.InvalidAccountFormException;
import de.amtsraum.account.RegistrationForm;
import de.amtsraum.site.Markdown;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.site.TermsOfUse;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.HandlerMapping;

/**
 * {@code /{tenant}/konto…}: the citizen account as plain HTML pages (no JavaScript needed):
 * register → "check your mail" → verify (a button, so mail scanners verify nothing) → log in →
 * overview → close; forgotten password → mailed link → new password. Where the tenant has terms of
 * use, registration asks to accept them (and, with a minimum age, the age statement), and a new
 * version of the terms leads a signed-in citizen to the acceptance page. The login form posts to the
 * citizen security chain, which answers with a redirect back here. Post/redirect/get after every
 * change; errors as German (or English) sentences from the message bundle.
 */
@SiteController
class AccountPageController {

    /** Request parameters that are not form fields. */
    private static final Set<String> TECHNICAL = Set.of("_csrf", "lang");
    private static final Map<String, String> CSS = Map.of("inputError", "kern-form-input__input--error");

    private final TenantSite site;
    private final CitizenAccounts accounts;
    private final TenantDirectory tenants;
    private final de.amtsraum.notice.PrivacyNotices notices;

    AccountPageController(TenantSite site, CitizenAccounts accounts, TenantDirectory tenants, de.amtsraum.notice.PrivacyNotices notices) {
        this.notices = notices;
        this.site = site;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    @GetMapping("/{tenant}/konto/registrieren")
    String registerForm(@PathVariable String tenant, Model model) {
        return showRegistration(offering(tenant, model), Map.of(), Map.of(), model);
    }

    @PostMapping(path = "/{tenant}/konto/registrieren", consumes = "application/x-www-form-urlencoded")
    String register(@PathVariable String tenant, @RequestParam Map<String, String> fields, Model model,
                    HttpServletResponse response) {
        TenantManifest manifest = offering(tenant, model);
        Set<String> others = new HashSet<>(fields.keySet());
        others.removeAll(TECHNICAL);
        others.removeIf(name -> fields.get(name) == null || fields.get(name).isEmpty());
        RegistrationForm form = new RegistrationForm(fields.get("username"), fields.get("displayName"),
                fields.get("email"), fields.get("phone"), fields.get("password"), fields.get("passwordRepeat"),
                fields.containsKey("consent"), fields.get("noticeVersion"), fields.containsKey("termsAccepted"),
                fields.get("termsVersion"), fields.get("ageConfirmation"), others);
        try {
            accounts.register(tenant, form);
            return "redirect:/" + tenant + "/konto/registriert";
        } catch (InvalidAccountFormException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showRegistration(manifest, fields, errors(invalid.problems()), model);
        } catch (AccountException refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showRegistration(manifest, fields, Map.of("form", "account.reason." + refused.reason()), model);
        }
    }

    private String showRegistration(TenantManifest manifest, Map<String, String> values, Map<String, String> errors,
                                    Model model) {
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("css", CSS);
        model.addAttribute("pseudonymous", manifest.features().pseudonymousRegistration());
        model.addAttribute("noticeVersion", notices.currentNumber(manifest.id()));
        String terms = TermsOfUse.version(manifest).orElse(null);
        model.addAttribute("termsVersion", terms);
        // Ticked again only for the version the citizen saw: a new version must be accepted anew.
        model.addAttribute("termsAccepted", terms != null && values.containsKey("termsAccepted")
                && (values.get("termsVersion") == null || terms.equals(values.get("termsVersion"))));
        model.addAttribute("minimumAge", manifest.features().minimumAge());
        model.addAttribute("guardianConsent", Boolean.TRUE.equals(manifest.features().guardianConsentBelowMinimumAge()));
        return "account/register";
    }

    @GetMapping("/{tenant}/konto/nutzungsbedingungen-akzeptieren")
    String termsForm(@PathVariable String tenant, @AuthenticationPrincipal CitizenPrincipal principal, Model model) {
        TenantManifest manifest = offering(tenant, model);
        if (accounts.termsToAccept(principal).isEmpty()) {
            return "redirect:/" + tenant + "/konto";
        }
        return showTerms(manifest, Map.of(), model);
    }

    @PostMapping(path = "/{tenant}/konto/nutzungsbedingungen-akzeptieren", consumes = "application/x-www-form-urlencoded")
    String acceptTerms(@PathVariable String tenant, @AuthenticationPrincipal CitizenPrincipal principal,
                       @RequestParam(required = false) String termsAccepted,
                       @RequestParam(required = false) String termsVersion, Model model, HttpServletResponse response) {
        TenantManifest manifest = offering(tenant, model);
        try {
            accounts.acceptTerms(principal, termsAccepted != null, termsVersion);
            return "redirect:/" + tenant + "/konto";
        } catch (InvalidAccountFormException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showTerms(manifest, errors(invalid.problems()), model);
        } catch (AccountException refused) {
            if (refused.reason() != AccountException.Reason.TERMS_CHANGED) {
                throw refused;
            }
            response.setStatus(HttpStatus.CONFLICT.value());
            return showTerms(manifest, Map.of("form", "account.reason.TERMS_CHANGED"), model);
        }
    }

    private String showTerms(TenantManifest manifest, Map<String, String> errors, Model model) {
        model.addAttribute("termsVersion", TermsOfUse.version(manifest).orElseThrow(PageNotFoundException::new));
        model.addAttribute("terms", Markdown.toHtml(manifest.texts().termsOfUse()));
        model.addAttribute("errors", errors);
        model.addAttribute("values", Map.of());
        model.addAttribute("css", CSS);
        return "account/terms";
    }

    @GetMapping("/{tenant}/konto/registriert")
    String registered(@PathVariable String tenant, Model model) {
        offering(tenant, model);
        return "account/registered";
    }

    @GetMapping("/{tenant}/konto/bestaetigen")
    String verifyPage(@PathVariable String tenant, @RequestParam(required = false) String token, Model model,
                      HttpServletResponse response) {
        offering(tenant, model);
        if (!accounts.verificationLinkValid(tenant, token)) {
            return invalidLink(model, response);
        }
        model.addAttribute("token", token);
        return "account/verify";
    }

    @PostMapping(path = "/{tenant}/konto/bestaetigen", consumes = "application/x-www-form-urlencoded")
    String verify(@PathVariable String tenant, @RequestParam(required = false) String token) {
        accounts.verifyEmail(requireOffered(tenant), token);
        return "redirect:/" + tenant + "/konto/anmelden?bestaetigt";
    }

    @GetMapping("/{tenant}/konto/anmelden")
    String login(@PathVariable String tenant, @RequestParam(required = false) String fehler,
                 HttpServletRequest request, Model model) {
        offering(tenant, model);
        if (fehler != null && List.of("falsch", "gesperrt", "unbestaetigt").contains(fehler)) {
            model.addAttribute("error", "account.login.error." + fehler);
        }
        model.addAttribute("notice", request.getParameter("abgemeldet") != null ? "account.login.loggedOut"
                : request.getParameter("bestaetigt") != null ? "account.login.verified"
                : request.getParameter("passwort") != null ? "account.login.passwordChanged" : null);
        return "account/login";
    }

    @GetMapping("/{tenant}/konto")
    String overview(@PathVariable String tenant, @AuthenticationPrincipal CitizenPrincipal principal, Model model) {
        offering(tenant, model);
        model.addAttribute("account", accounts.view(principal));
        return "account/overview";
    }

    @GetMapping("/{tenant}/konto/passwort-vergessen")
    String forgotForm(@PathVariable String tenant, Model model) {
        offering(tenant, model);
        model.addAttribute("errors", Map.of());
        model.addAttribute("values", Map.of());
        model.addAttribute("css", CSS);
        return "account/forgot";
    }

    @PostMapping(path = "/{tenant}/konto/passwort-vergessen", consumes = "application/x-www-form-urlencoded")
    String forgot(@PathVariable String tenant, @RequestParam(required = false) String email, Model model,
                  HttpServletResponse response) {
        offering(tenant, model);
        try {
            accounts.requestPasswordReset(tenant, email);
            return "redirect:/" + tenant + "/konto/passwort-vergessen-gesendet";
        } catch (InvalidAccountFormException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", errors(invalid.problems()));
            model.addAttribute("values", Map.of("email", email == null ? "" : email));
            model.addAttribute("css", CSS);
            return "account/forgot";
        }
    }

    @GetMapping("/{tenant}/konto/passwort-vergessen-gesendet")
    String forgotSent(@PathVariable String tenant, Model model) {
        offering(tenant, model);
        return "account/forgot-sent";
    }

    @GetMapping("/{tenant}/konto/passwort-neu")
    String resetForm(@PathVariable String tenant, @RequestParam(required = false) String token, Model model,
                     HttpServletResponse response) {
        offering(tenant, model);
        if (!accounts.resetLinkValid(tenant, token)) {
            return invalidLink(model, response);
        }
        return showReset(token, Map.of(), model);
    }

    @PostMapping(path = "/{tenant}/konto/passwort-neu", consumes = "application/x-www-form-urlencoded")
    String reset(@PathVariable String tenant, @RequestParam(required = false) String token,
                 @RequestParam(required = false) String password, @RequestParam(required = false) String passwordRepeat,
                 Model model, HttpServletResponse response) {
        offering(tenant, model);
        try {
            accounts.resetPassword(tenant, token, password, passwordRepeat);
            return "redirect:/" + tenant + "/konto/anmelden?passwort=neu";
        } catch (InvalidAccountFormException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showReset(token, errors(invalid.problems()), model);
        }
    }

    private String showReset(String token, Map<String, String> errors, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("errors", errors);
        model.addAttribute("values", Map.of());
        model.addAttribute("css", CSS);
        return "account/reset";
    }

    @GetMapping("/{tenant}/konto/schliessen")
    String closeForm(@PathVariable String tenant, @AuthenticationPrincipal CitizenPrincipal principal, Model model) {
        offering(tenant, model);
        model.addAttribute("account", accounts.view(principal));
        model.addAttribute("errors", Map.of());
        model.addAttribute("values", Map.of());
        model.addAttribute("css", CSS);
        return "account/close";
    }

    @PostMapping(path = "/{tenant}/konto/schliessen", consumes = "application/x-www-form-urlencoded")
    String close(@PathVariable String tenant, @AuthenticationPrincipal CitizenPrincipal principal,
                 @RequestParam(required = false) String password, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        offering(tenant, model);
        try {
            accounts.close(principal, password);
        } catch (AccountException refused) {
            if (refused.reason() != AccountException.Reason.WRONG_PASSWORD) {
                throw refused;
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("account", accounts.view(principal));
            model.addAttribute("errors", Map.of("password", "account.reason.WRONG_PASSWORD"));
            model.addAttribute("values", Map.of());
            model.addAttribute("css", CSS);
            return "account/close";
        }
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "account/closed";
    }

    @ExceptionHandler(AccountException.class)
    String refused(AccountException refused, HttpServletRequest request, Model model, HttpServletResponse response) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
                && variables.get("tenant") instanceof String tenant) {
            site.frame(tenant, model);
        }
        if (refused.reason() == AccountException.Reason.INVALID_LINK) {
            return invalidLink(model, response);
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("reason", "account.reason." + refused.reason());
        return "account/problem";
    }

    private static String invalidLink(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("reason", "account.reason.INVALID_LINK");
        return "account/problem";
    }

    /** Field → message key of its first problem, in form order. */
    private static Map<String, String> errors(List<AccountProblem> problems) {
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(problem -> errors.putIfAbsent(problem.field(), "account.error." + problem.code()));
        return errors;
    }

    private TenantManifest offering(String tenant, Model model) {
        requireOffered(tenant);
        return site.frame(tenant, model);
    }

    private String requireOffered(String tenant) {
        if (!accounts.offeredBy(tenant)) {
            throw new PageNotFoundException();
        }
        return tenant;
    }
}
