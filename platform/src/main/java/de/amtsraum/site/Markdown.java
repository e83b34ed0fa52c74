package de.amtsraum.site;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** The tenant's own prose (Markdown) as HTML: raw HTML in it is escaped, unsafe links are dropped. */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        return markdown == null ? "" : RENDERER.render(PARSER.parse(markdown));
    }
}
