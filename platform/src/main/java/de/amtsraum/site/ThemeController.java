package de.amtsraum.site;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's colours as a stylesheet of its own, so pages need no inline style (the CSP forbids
 * it). The manifest guarantees 4.5:1 contrast of the colour against white text.
 */
@RestController
class ThemeController {

    private final TenantSite site;

    ThemeController(TenantSite site) {
        this.site = site;
    }

    @GetMapping(path = "/{tenant}/theme.css", produces = "text/css")
    ResponseEntity<String> theme(@PathVariable String tenant) {
        String colour = site.resolve(tenant).branding().primaryColor();
        String css = ":root{--amtsraum-brand:" + colour + ";--kern-color-action-default:" + colour + ";}\n"
                + ".amtsraum-brand-bar{background:var(--amtsraum-brand);color:#fff;}\n";
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5))).body(css);
    }
}
