package de.amtsraum.identity;

import de.amtsraum.shared.Hmac;
import de.amtsraum.identity.StaffUsers.StaffUser;
import de.amtsraum.runtime.LocalSecrets;
import de.amtsraum.runtime.RuntimeProperties;
import de.amtsraum.site.SiteController;
import de.amtsraum.tenancy.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in pages of the embedded issuer ({@code /idp/login}, then {@code /idp/totp} where the tenant
 * requires two factors). The authorization request that sent the user here names the tenant's
 * issuer ({@code /idp/<tenant>/oauth2/authorize}); only that tenant's staff get through. The session
 * is authenticated only after the last factor, with a new session id. Attempts are recorded and
 * throttled per name and address like citizen logins ({@link LoginAttempts}).
 */
@SiteController
class IdpLoginController {

    static final String PENDING = "amtsraum.idp.pending-user";
    static final String FAILURES = "amtsraum.idp.totp-failures";
    static final String FACTOR_PASSWORD = "FACTOR_PASSWORD";
    static final String FACTOR_OTP = "FACTOR_OTP";
    private static final Pattern ISSUER = Pattern.compile("/idp/([a-z0-9-]+)/oauth2/authorize");

    private final ObjectProvider<StaffUsers> users;
    private final TenantDirectory tenants;
    private final Clock clock;
    private final ObjectProvider<LoginAttempts> attempts;
    private final byte[] keySecret;
    private final HttpSessionRequestCache requests = idpRequests();
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    IdpLoginController(ObjectProvider<StaffUsers> users, TenantDirectory tenants, Clock clock,
                       ObjectProvider<LoginAttempts> attempts, RuntimeProperties runtime) {
        this.users = users;
        this.tenants = tenants;
        this.clock = clock;
        this.attempts = attempts;
        this.keySecret = LocalSecrets.file(runtime.resolve("staff-login-secret"));
    }

    @GetMapping("/idp/login")
    String loginPage(HttpServletRequest request, Model model) {
        tenant(request).flatMap(tenants::manifest).ifPresent(manifest -> model.addAttribute("tenantName", manifest.name()));
        model.addAttribute("failed", false);
        return "identity/login";
    }

    @PostMapping(path = "/idp/login", consumes = "application/x-www-form-urlencoded")
    String login(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        StaffUsers directory = users.getIfAvailable();
        Optional<String> tenant = tenant(request);
        LoginAttempts log = attempts.getIfAvailable();
        String key = accountKey(username);
        if (tenant.isPresent() && log != null
                && log.lockedUntil(tenant.get(), key, request.getRemoteAddr()).isPresent()) {
            log.record(new LoginAttempts.Attempt(tenant.get(), key, null, LoginAttempts.Outcome.LOCKED,
                    request.getRemoteAddr(), request.getHeader("User-Agent")));
            tenant.flatMap(tenants::manifest).ifPresent(manifest -> model.addAttribute("tenantName", manifest.name()));
            model.addAttribute("locked", true);
            model.addAttribute("failed", false);
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            return "identity/login";
        }
        Optional<StaffUser> user = directory == null || tenant.isEmpty() ? Optional.empty()
                : directory.authenticate(username, password).filter(u -> u.tenantId().equals(tenant.get()));
        if (tenant.isPresent() && log != null) {
            log.record(new LoginAttempts.Attempt(tenant.get(), key, null,
                    user.isPresent() ? LoginAttempts.Outcome.SUCCESS : LoginAttempts.Outcome.FAILURE,
                    request.getRemoteAddr(), request.getHeader("User-Agent")));
        }
        if (user.isEmpty()) {
            tenant.flatMap(tenants::manifest).ifPresent(manifest -> model.addAttribute("tenantName", manifest.name()));
            model.addAttribute("failed", true);
            model.addAttribute("noRequest", tenant.isEmpty());
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return "identity/login";
        }
        request.changeSessionId();
        if (user.get().needsSecondFactor()) {
            request.getSession().setAttribute(PENDING, user.get().username());
            request.getSession().setAttribute(FAILURES, 0);
            return "redirect:/idp/totp";
        }
        return complete(user.get(), false, request, response);
    }

    /** Where a refused staff sign-in lands (wrong tenant, missing second factor, cancelled). */
    @GetMapping("/idp/fehler")
    String failed(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "identity/failed";
    }

    @GetMapping("/idp/totp")
    String totpPage(HttpServletRequest request) {
        return pending(request).isPresent() ? "identity/totp" : "redirect:/idp/login";
    }

    @PostMapping(path = "/idp/totp", consumes = "application/x-www-form-urlencoded")
    String totp(@RequestParam(required = false) String code, HttpServletRequest request, HttpServletResponse response,
                Model model) {
        Optional<StaffUser> user = pending(request);
        if (user.isEmpty()) {
            return "redirect:/idp/login";
        }
        if (!Totp.verify(user.get().totpSecret(), code, clock)) {
            HttpSession session = request.getSession();
            int failures = (Integer) session.getAttribute(FAILURES) + 1;
            session.setAttribute(FAILURES, failures);
            if (failures >= 5) {
                session.removeAttribute(PENDING);
                return "redirect:/idp/login";
            }
            model.addAttribute("failed", true);
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            return "identity/totp";
        }
        request.getSession().removeAttribute(PENDING);
        return complete(user.get(), true, request, response);
    }

    private String complete(StaffUser user, boolean secondFactor, HttpServletRequest request,
                            HttpServletResponse response) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        authorities.add(new SimpleGrantedAuthority(FACTOR_PASSWORD));
        if (secondFactor) {
            authorities.add(new SimpleGrantedAuthority(FACTOR_OTP));
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        request.changeSessionId();
        SavedRequest saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
    }

    /**
     * The issuer's own saved authorization request, under its own session attribute: the staff pages
     * keep theirs (where to go after sign-in) under the default one.
     */
    static HttpSessionRequestCache idpRequests() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setSessionAttrName("AMTSRAUM_IDP_SAVED_REQUEST");
        return cache;
    }

    private Optional<StaffUser> pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        StaffUsers directory = users.getIfAvailable();
        if (session == null || directory == null || !(session.getAttribute(PENDING) instanceof String username)) {
            return Optional.empty();
        }
        return directory.find(username);
    }

    /** A keyed hash of the name as typed: attempts are counted per name without storing it. */
    private String accountKey(String username) {
        String typed = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        return java.util.HexFormat.of().formatHex(Hmac.sha256(keySecret, typed));
    }

    /** The tenant whose issuer sent the user here, from the saved authorization request. */
    private Optional<String> tenant(HttpServletRequest request) {
        SavedRequest saved = requests.getRequest(request, null);
        if (saved == null) {
            return Optional.empty();
        }
        Matcher matcher = ISSUER.matcher(saved.getRedirectUrl());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
