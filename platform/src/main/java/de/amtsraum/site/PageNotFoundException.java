package de.amtsraum.site;

/** The page does not exist for this tenant (unknown tenant, or a feature it does not offer). */
public class PageNotFoundException extends RuntimeException {

    public PageNotFoundException() {
        super("page not found");
    }
}
