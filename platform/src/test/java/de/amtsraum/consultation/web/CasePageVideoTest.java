package de.amtsraum.consultation.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.amtsraum.consultation.ConsultationCases;
import de.amtsraum.consultation.ConsultationCases.CaseView;
import de.amtsraum.site.TenantSite;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.video.Calls;
import de.amtsraum.video.VideoException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/**
 * The video start of the case page against a {@link Calls} bean that is there and available (the
 * integration tests run without one): an open case starts the call and goes to the video module's
 * staff call page; a closed case or a {@link VideoException} stays on the case page with a sentence,
 * no call started or no stack trace.
 */
class CasePageVideoTest {

    private final ConsultationCases cases = mock(ConsultationCases.class);
    private final Calls calls = mock(Calls.class);
    private final StaticMessageSource messages = new StaticMessageSource();
    private CasePageController controller;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void setUp() {
        TenantSite site = mock(TenantSite.class);
        TenantManifest manifest = mock(TenantManifest.class);
        when(manifest.timeZone()).thenReturn(ZoneId.of("Europe/Berlin"));
        when(site.frame(eq("heilbronn"), any())).thenReturn(manifest);
        ObjectProvider<Calls> provider = mock(ObjectProvider.class);
        when(provider.getIfAvailable()).thenReturn(calls);
        when(calls.available("heilbronn")).thenReturn(true);
        messages.addMessage("case.video.failed", Locale.getDefault(), "Der Videoanruf konnte nicht gestartet werden.");
        messages.addMessage("case.video.unavailable", Locale.getDefault(), "Videoberatung ist derzeit nicht verfügbar.");
        messages.addMessage("case.problem.case-closed", Locale.getDefault(), "Der Fall ist abgeschlossen.");
        messages.setUseCodeAsDefaultMessage(true);
        controller = new CasePageController(site, cases, provider, messages);
    }

    private static CaseView view(String status) {
        return new CaseView("case-1", status, "STAFF", null, null, null, Instant.EPOCH, Instant.EPOCH, null, null,
                null, false, null, 0, null, null, null, null, null, null, List.of());
    }

    @Test
    void anOpenCaseStartsTheCallAndGoesToTheStaffCallPage() {
        when(cases.get("heilbronn", "case-1")).thenReturn(view("OPEN"));
        when(calls.start("heilbronn", "case-1")).thenReturn("call-7");
        String target = controller.call("heilbronn", "case-1", new ExtendedModelMap(), new RedirectAttributesModelMap(),
                new MockHttpServletResponse());
        assertThat(target).isEqualTo("redirect:/heilbronn/mitarbeiter/video/call-7");
    }

    @Test
    void aVideoFailureStaysOnTheCasePageWithASentence() {
        when(cases.get("heilbronn", "case-1")).thenReturn(view("OPEN"));
        when(calls.start("heilbronn", "case-1")).thenThrow(new VideoException(VideoException.Reason.VIDEO_UNAVAILABLE));
        ExtendedModelMap model = new ExtendedModelMap();
        MockHttpServletResponse response = new MockHttpServletResponse();
        String target = controller.call("heilbronn", "case-1", model, new RedirectAttributesModelMap(), response);
        assertThat(target).isEqualTo("consultation/staff-case");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(model.get("error")).isEqualTo("Der Videoanruf konnte nicht gestartet werden.");
        assertThat(model.get("videoAvailable")).isEqualTo(true);
    }

    @Test
    void aClosedCaseStartsNoCall() {
        when(cases.get("heilbronn", "case-1")).thenReturn(view("ARCHIVED"));
        ExtendedModelMap model = new ExtendedModelMap();
        String target = controller.call("heilbronn", "case-1", model, new RedirectAttributesModelMap(),
                new MockHttpServletResponse());
        assertThat(target).isEqualTo("consultation/staff-case");
        assertThat(model.get("error")).isEqualTo("Der Fall ist abgeschlossen.");
        verify(calls, never()).start(any(), any());
    }
}
