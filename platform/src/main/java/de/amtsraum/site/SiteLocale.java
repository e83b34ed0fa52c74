package de.amtsraum.site;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

/**
 * Citizen pages are German first and English second: German unless the citizen chose English with
 * the language switch ({@code ?lang=en}); the choice lives in the session that the forms' CSRF
 * protection needs anyway, so no extra cookie is set.
 */
@Configuration(proxyBeanMethods = false)
class SiteLocale implements WebMvcConfigurer {

    static final Locale GERMAN = Locale.GERMAN;

    @Bean
    LocaleResolver localeResolver() {
        SessionLocaleResolver resolver = new SessionLocaleResolver();
        resolver.setDefaultLocaleFunction(request -> GERMAN);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(new SupportedLanguages(change)).excludePathPatterns("/api/**");
    }

    /** Accepts {@code de} and {@code en} only. */
    private record SupportedLanguages(LocaleChangeInterceptor delegate)
            implements org.springframework.web.servlet.HandlerInterceptor {

        @Override
        public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                 jakarta.servlet.http.HttpServletResponse response, Object handler) throws Exception {
            String lang = request.getParameter("lang");
            if ("de".equals(lang) || "en".equals(lang)) {
                return delegate.preHandle(request, response, handler);
            }
            return true;
        }
    }
}
