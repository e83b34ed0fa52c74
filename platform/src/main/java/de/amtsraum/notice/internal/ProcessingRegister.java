package de.amtsraum.notice.internal;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import de.amtsraum.site.RetentionText;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.Address;
import de.amtsraum.tenancy.manifest.TenantManifest.DataCategory;
import de.amtsraum.tenancy.manifest.TenantManifest.Processor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The record of processing activities (Art. 30 (1) GDPR) of a tenant, generated from the same
 * manifest as the notice and the retention engine: one processing activity per personal data
 * category. One XHTML body serves the admin page and the PDF (openhtmltopdf on PDFBox, ADR 0020);
 * the PDF embeds Liberation Sans from the PDFBox jar and loads nothing from anywhere.
 */
@Component
public class ProcessingRegister {

    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final MessageSource messages;

    ProcessingRegister(MessageSource messages) {
        this.messages = messages;
    }

    /** The record's body as well-formed XHTML (escaped manifest text). */
    public String body(TenantManifest manifest, int noticeNumber, Instant at, Locale locale) {
        StringBuilder html = new StringBuilder();
        html.append("<div class=\"amtsraum-register\">");
        html.append("<p class=\"kern-body\">").append(text("register.intro", locale, noticeNumber)).append("</p>");
        html.append("<h2 class=\"kern-heading-medium\">").append(text("register.controller", locale)).append("</h2>");
        html.append("<p class=\"kern-body\">").append(esc(manifest.name())).append("<br/>")
                .append(address(manifest.address())).append("<br/>").append(esc(manifest.contact().email())).append("</p>");
        var dpo = manifest.dataProtectionOfficer();
        html.append("<h2 class=\"kern-heading-medium\">").append(text("register.dpo", locale)).append("</h2>");
        html.append("<p class=\"kern-body\">");
        if (dpo.name() != null) {
            html.append(esc(dpo.name())).append("<br/>");
        }
        if (dpo.organisation() != null) {
            html.append(esc(dpo.organisation())).append("<br/>");
        }
        if (dpo.address() != null) {
            html.append(address(dpo.address())).append("<br/>");
        }
        html.append(esc(dpo.email())).append("</p>");

        boolean english = "en".equals(locale.getLanguage());
        List<Processor> thirdCountry = NoticeRenderer.thirdCountry(manifest);
        for (DataCategory category : manifest.dataCategories()) {
            if (!category.personal()) {
                continue;
            }
            html.append("<h2 class=\"kern-heading-medium\">").append(text("register.activity", locale)).append(": ")
                    .append(esc(category.name())).append("</h2>");
            html.append("<table class=\"kern-table amtsraum-register-table\"><tbody>");
            row(html, text("register.purposes", locale), list(category.purposes()));
            row(html, text("register.legalBasis", locale), esc(category.legalBasis()));
            row(html, text("register.subjects", locale), text("register.subjects.value", locale));
            row(html, text("register.data", locale), esc(category.description()));
            row(html, text("register.recipients", locale), category.recipients().isEmpty() ? text("register.none", locale)
                    : list(category.recipients()));
            List<String> processors = new ArrayList<>();
            manifest.processors().forEach(p -> processors.add(p.name() + " (" + p.country() + "): " + p.purpose()));
            row(html, text("register.processors", locale), processors.isEmpty() ? text("register.none", locale)
                    : list(processors));
            row(html, text("register.thirdCountry", locale), thirdCountry.isEmpty()
                    ? text("notice.thirdCountry.none", locale)
                    : list(thirdCountry.stream().map(p -> p.name() + " (" + p.country() + "): " + p.transferBasis()).toList()));
            row(html, text("register.retention", locale), list(category.retention().stream()
                    .map(rule -> english ? RetentionText.english(rule) : RetentionText.of(rule)).toList()));
            html.append("</tbody></table>");
        }
        html.append("<h2 class=\"kern-heading-medium\">").append(text("register.security", locale)).append("</h2>");
        html.append("<p class=\"kern-body\">").append(text("register.security.value", locale)).append("</p>");
        html.append("<p class=\"kern-body kern-body--small\">")
                .append(text("register.generated", locale, DATE.format(at.atZone(manifest.timeZone())))).append("</p>");
        html.append("</div>");
        return html.toString();
    }

    /** The record as PDF. */
    public byte[] pdf(TenantManifest manifest, int noticeNumber, Instant at, Locale locale) {
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + locale.getLanguage() + "\"><head>"
                + "<title>" + text("register.title", locale) + " – " + esc(manifest.name()) + "</title>"
                + "<style>body{font-family:'Liberation Sans';font-size:10pt}h1{font-size:16pt}h2{font-size:12pt;"
                + "margin-top:14pt}table{border-collapse:collapse;width:100%}th,td{border:0.5pt solid #888;"
                + "padding:3pt;text-align:left;vertical-align:top}th{width:30%}</style></head><body>"
                + "<h1>" + text("register.title", locale) + ": " + esc(manifest.name()) + "</h1>"
                + body(manifest, noticeNumber, at, locale) + "</body></html>";
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(ProcessingRegister::font, "Liberation Sans", 400, FontStyle.NORMAL, true);
            builder.useFont(ProcessingRegister::font, "Liberation Sans", 700, FontStyle.NORMAL, true);
            builder.withHtmlContent(document, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static InputStream font() {
        return ProcessingRegister.class.getResourceAsStream(FONT);
    }

    private String text(String key, Locale locale, Object... args) {
        return esc(messages.getMessage(key, args, locale));
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th scope=\"row\">").append(key).append("</th><td>").append(value).append("</td></tr>");
    }

    private static String list(List<String> items) {
        StringBuilder html = new StringBuilder("<ul class=\"kern-list kern-list--bullet\">");
        items.forEach(item -> html.append("<li>").append(esc(item)).append("</li>"));
        return html.append("</ul>").toString();
    }

    private static String address(Address address) {
        return esc(address.street()) + ", " + esc(address.postalCode()) + " " + esc(address.city());
    }

    private static String esc(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
