package de.amtsraum.admin.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.text.Normalizer;
import java.util.Locale;

/** Manifest ids ({@code ^[a-z][a-z0-9-]{0,63}$}) made from names, unique within a list. */
final class Slugs {

    private Slugs() {
    }

    static String unique(String name, ArrayNode existing) {
        String base = of(name);
        String candidate = base;
        for (int n = 2; CatalogueController.indexOf(existing, candidate) >= 0; n++) {
            String suffix = "-" + n;
            candidate = (base.length() + suffix.length() > 64 ? base.substring(0, 64 - suffix.length()) : base) + suffix;
        }
        return candidate;
    }

    static String of(String name) {
        String german = name.strip().toLowerCase(Locale.GERMAN)
                .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
        String ascii = Normalizer.normalize(german, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty() || !Character.isLetter(slug.charAt(0))) {
            slug = "x-" + slug;
        }
        slug = slug.length() > 64 ? slug.substring(0, 64) : slug;
        return slug.replaceAll("-+$", "");
    }
}
