package de.amtsraum.operator.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsraum.shared.TenantId;
import de.amtsraum.shared.web.Problems;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.TenantStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A suspended tenant's pages (citizen and staff) answer 503 with a German page, its APIs 503
 * problem+json; an offboarded tenant's answer 410. Checked before any controller of a tenant runs,
 * so nothing is read or written for such a tenant. One indexed lookup of the tenant's row per request
 * under a tenant (the status lives in the database, so every instance sees a change at once).
 */
@Configuration(proxyBeanMethods = false)
class TenantAvailability implements WebMvcConfigurer, HandlerInterceptor {

    private static final String API_PREFIX = "/api/v1/tenants/";

    private final TenantDirectory directory;
    private final ObjectMapper json;
    private final ThymeleafViewResolver views;

    TenantAvailability(TenantDirectory directory, ObjectMapper json, ThymeleafViewResolver views) {
        this.directory = directory;
        this.json = json;
        this.views = views;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/*", "/*/**").excludePathPatterns("/betrieb", "/betrieb/**",
                "/api/v1/operator/**", "/idp/**", "/oauth2/**", "/login/**", "/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith(API_PREFIX);
        Optional<String> tenant = tenantOf(api ? path.substring(API_PREFIX.length()) : path.substring(1));
        Optional<TenantStatus> status = tenant.flatMap(directory::summary).map(TenantStatus::of)
                .filter(s -> s != TenantStatus.ACTIVE);
        if (status.isEmpty()) {
            return true;
        }
        boolean gone = status.get() == TenantStatus.OFFBOARDED;
        HttpStatus code = gone ? HttpStatus.GONE : HttpStatus.SERVICE_UNAVAILABLE;
        response.setStatus(code.value());
        if (api) {
            var problem = gone
                    ? Problems.of(code, "tenant-offboarded", "Tenant offboarded",
                            "This authority no longer uses the platform; its data has been erased.")
                    : Problems.of(code, "tenant-suspended", "Tenant suspended",
                            "This authority's services are temporarily unavailable. Nothing was changed.");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        } else {
            View view = views.resolveViewName(gone ? "operator/tenant-gone" : "operator/tenant-suspended",
                    RequestContextUtils.getLocale(request));
            view.render(Map.of(), request, response);
        }
        return false;
    }

    /** The first path segment, when it can be a tenant id. */
    private static Optional<String> tenantOf(String rest) {
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return TenantId.isValid(segment) ? Optional.of(segment) : Optional.empty();
    }
}
