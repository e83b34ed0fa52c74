package de.amtsraum.notice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsraum.identity.Totp;
import de.amtsraum.support.MutableClock;
import de.amtsraum.support.PageClient;
import de.amtsraum.support.PlatformTest;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The record of processing activities (Art. 30 GDPR) as page and PDF, for the tenant's admins only. */
@PlatformTest
class ProcessingRegisterIT {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    TenantDirectory directory;

    @Test
    void aTenantAdminGetsTheRecordAsPageAndAsAParsablePdfNamingTheControllerAndEveryCategory() throws Exception {
        PageClient admin = new PageClient(port);
        HttpResponse<String> page = signIn(admin, "heilbronn", "heilbronn.verwaltung", "/heilbronn/verwaltung/verzeichnis");
        assertThat(page.statusCode()).isEqualTo(200);
        TenantManifest manifest = directory.manifest("heilbronn").orElseThrow();
        assertThat(page.body()).contains("Verzeichnis von Verarbeitungstätigkeiten").contains(manifest.name())
                .contains("6 Monate nach der Erhebung");
        for (TenantManifest.DataCategory category : manifest.dataCategories()) {
            if (category.personal()) {
                assertThat(page.body()).contains(org.springframework.web.util.HtmlUtils.htmlEscape(category.name(), "UTF-8"));
            }
        }

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/heilbronn/verwaltung/verzeichnis.pdf"))
                .header("Cookie", admin.cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                        .collect(Collectors.joining("; "))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(manifest.name()).contains("Verzeichnis von Verarbeitungstätigkeiten");
            for (TenantManifest.DataCategory category : manifest.dataCategories()) {
                if (category.personal()) {
                    assertThat(text).as(category.name()).contains(category.name().replaceAll("\\s+", " "));
                }
            }
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font.isEmbedded()).as("fonts embedded").isTrue();
        }
    }

    @Test
    void staffWithoutTheAdminRoleAreRefused() {
        PageClient staff = new PageClient(port);
        HttpResponse<String> page = signIn(staff, "leer", "leer.sachbearbeitung", "/leer/verwaltung/verzeichnis");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("Verzeichnis von Verarbeitungstätigkeiten");
    }

    @Test
    void withoutSignInTheRecordIsNotShown() {
        HttpResponse<String> page = new PageClient(port).get("/leer/verwaltung/verzeichnis.pdf");
        assertThat(page.uri().getPath()).isEqualTo("/idp/login");
    }

    private HttpResponse<String> signIn(PageClient browser, String tenant, String user, String path) {
        HttpResponse<String> login = browser.get(path);
        assertThat(login.uri().getPath()).isEqualTo("/idp/login");
        HttpResponse<String> totp = browser.post("/idp/login", PageClient.csrf(login.body()),
                Map.of("username", user, "password", "dev-staff-2026"));
        assertThat(totp.uri().getPath()).isEqualTo("/idp/totp");
        return browser.post("/idp/totp", PageClient.csrf(totp.body()),
                Map.of("code", Totp.code("JBSWY3DPEHPK3PXP", clock.instant().getEpochSecond())));
    }
}
