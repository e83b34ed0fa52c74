package de.amtsraum.site;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The language switch of every citizen page shown by GET: the same page (and query) in the other
 * language. Pages answering a form post have none (the post cannot be repeated by a link).
 */
@ControllerAdvice(annotations = SiteController.class)
class SiteLanguage {

    @ModelAttribute("languageSwitch")
    String languageSwitch(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "de" : "en";
        var uri = ServletUriComponentsBuilder.fromRequest(request).replaceQueryParam("lang", other).build();
        return uri.getPath() + "?" + uri.getQuery();
    }
}
