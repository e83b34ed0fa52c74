package de.amtsraum.booking.web;

import de.amtsraum.booking.AppointmentOutcomeRecorded.Outcome;
import de.amtsraum.booking.Appointments;
import de.amtsraum.booking.Appointments.AppointmentView;
import de.amtsraum.booking.BookingException;
import de.amtsraum.booking.InvalidBookingException;
import de.amtsraum.moderation.BlockException;
import de.amtsraum.moderation.BlockOrder;
import de.amtsraum.moderation.CitizenBlocks;
import de.amtsraum.moderation.InvalidBlockException;
import de.amtsraum.site.PageNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.multipart.MultipartFile;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.tenancy.manifest.TenantManifest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages {@code /{tenant}/mitarbeiter/termine…} (signed in with OIDC at the tenant's issuer, see
 * identity): the appointments of a day per location, one appointment with the citizen's data (or
 * {@code [gelöscht]} once erased), outcome done / no-show, and cancellation with a reason that is
 * mailed to the citizen. German; plain forms with CSRF, no JavaScript.
 */
@SiteController
class StaffPageController {

    private final TenantSite site;
    private final Appointments appointments;
    private final Clock clock;
    private final CitizenBlocks blocks;
    private final MessageSource messages;

    StaffPageController(TenantSite site, Appointments appointments, Clock clock, CitizenBlocks blocks,
                        MessageSource messages) {
        this.site = site;
        this.appointments = appointments;
        this.clock = clock;
        this.blocks = blocks;
        this.messages = messages;
    }

    @GetMapping("/{tenant}/mitarbeiter")
    String start(@PathVariable String tenant) {
        return "redirect:/" + tenant + "/mitarbeiter/termine";
    }

    @GetMapping("/{tenant}/mitarbeiter/termine")
    String day(@PathVariable String tenant, @RequestParam(name = "datum", required = false) String date,
               @RequestParam(name = "standort", required = false) String location, Model model) {
        TenantManifest manifest = offering(tenant, model);
        LocalDate day = parse(date, LocalDate.now(clock.withZone(manifest.timeZone())));
        String chosen = manifest.locations().stream().anyMatch(l -> l.id().equals(location)) ? location : null;
        List<AppointmentView> list = appointments.day(tenant, day, chosen);
        model.addAttribute("day", day);
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        model.addAttribute("locations", manifest.locations());
        model.addAttribute("location", chosen);
        model.addAttribute("appointments", list);
        return "booking/staff-day";
    }

    @GetMapping("/{tenant}/mitarbeiter/termine/{id}")
    String appointment(@PathVariable String tenant, @PathVariable String id, Model model) {
        offering(tenant, model);
        show(tenant, id, model);
        return "booking/staff-appointment";
    }

    /**
     * End the appointment and block the address for misuse (only where the tenant declares
     * ABUSE_EVIDENCE). Multipart with CSRF; a wrong reason, duration or screenshot is refused in
     * German with nothing stored.
     */
    @PostMapping(path = "/{tenant}/mitarbeiter/termine/{id}/sperren", consumes = "multipart/form-data")
    String block(@PathVariable String tenant, @PathVariable String id, @RequestParam(required = false) String reason,
                 @RequestParam(required = false) String duration,
                 @RequestParam(name = "screenshot", required = false) MultipartFile screenshot,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) throws java.io.IOException {
        offering(tenant, model);
        if (!blocks.offered(tenant)) {
            throw new PageNotFoundException();
        }
        try {
            BlockOrder order = BlockOrder.of(reason, duration, screenshot == null || screenshot.isEmpty()
                    ? BlockOrder.Upload.none()
                    : screenshot.getSize() > BlockOrder.MAX_SCREENSHOT_BYTES
                    ? BlockOrder.Upload.bytes(new byte[BlockOrder.MAX_SCREENSHOT_BYTES + 1])
                    : BlockOrder.Upload.bytes(screenshot.getBytes()));
            appointments.blockForMisuse(tenant, id, order);
        } catch (InvalidBlockException invalid) {
            return refused(tenant, id, invalid.problems().getFirst().message(), model, response);
        } catch (BlockException refused) {
            return refused(tenant, id, refused.german(), model, response);
        } catch (BookingException refused) {
            return refused(tenant, id, refused.german(), model, response);
        }
        redirect.addFlashAttribute("notice", messages.getMessage("staff.block.done", null,
                LocaleContextHolder.getLocale()));
        return "redirect:/" + tenant + "/mitarbeiter/termine/" + id;
    }

    private void show(String tenant, String id, Model model) {
        AppointmentView appointment = find(tenant, id);
        model.addAttribute("appointment", appointment);
        model.addAttribute("caseId", caseOf(tenant, appointment));
        boolean offered = blocks.offered(tenant);
        model.addAttribute("blockingOffered", offered);
        model.addAttribute("blocks", offered ? appointments.blocksOf(tenant, id) : java.util.List.of());
        model.addAttribute("durations", BlockOrder.OFFERED);
    }

    @PostMapping(path = "/{tenant}/mitarbeiter/termine/{id}/ergebnis", consumes = "application/x-www-form-urlencoded")
    String outcome(@PathVariable String tenant, @PathVariable String id, @RequestParam(required = false) String outcome,
                   Model model, RedirectAttributes redirect, HttpServletResponse response) {
        offering(tenant, model);
        Outcome parsed;
        try {
            parsed = Outcome.valueOf(outcome == null ? "" : outcome);
        } catch (IllegalArgumentException unknown) {
            return refused(tenant, id, "Bitte wählen Sie „wahrgenommen“ oder „nicht erschienen“.", model, response);
        }
        try {
            appointments.recordOutcome(tenant, id, parsed);
        } catch (BookingException refused) {
            return refused(tenant, id, refused.german(), model, response);
        }
        redirect.addFlashAttribute("notice", parsed == Outcome.DONE ? "Als wahrgenommen vermerkt."
                : "Als nicht erschienen vermerkt.");
        return "redirect:/" + tenant + "/mitarbeiter/termine/" + id;
    }

    @PostMapping(path = "/{tenant}/mitarbeiter/termine/{id}/absagen", consumes = "application/x-www-form-urlencoded")
    String cancel(@PathVariable String tenant, @PathVariable String id, @RequestParam(required = false) String reason,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        offering(tenant, model);
        try {
            appointments.cancelByStaff(tenant, id, reason);
        } catch (InvalidBookingException invalid) {
            return refused(tenant, id, invalid.problems().getFirst().message(), model, response);
        } catch (BookingException refused) {
            return refused(tenant, id, refused.german(), model, response);
        }
        redirect.addFlashAttribute("notice", "Der Termin ist abgesagt; die Bürgerin oder der Bürger erhält eine E-Mail.");
        return "redirect:/" + tenant + "/mitarbeiter/termine/" + id;
    }

    private String refused(String tenant, String id, String message, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        show(tenant, id, model);
        model.addAttribute("error", message);
        return "booking/staff-appointment";
    }

    /**
     * The consultation case a confirmed appointment of a consultation service opened (issue 6), or
     * null; the id derives from the appointment's, so no call into the consultation module is needed.
     */
    private String caseOf(String tenant, AppointmentView appointment) {
        if ("HELD".equals(appointment.status()) || "EXPIRED".equals(appointment.status())) {
            return null;
        }
        boolean consultation = site.resolve(tenant).services().stream()
                .anyMatch(s -> s.id().equals(appointment.serviceId()) && s.opensConsultationCase());
        return consultation ? de.amtsraum.shared.CaseIds.forAppointment(appointment.appointmentId()) : null;
    }

    private AppointmentView find(String tenant, String id) {
        try {
            return appointments.get(tenant, id);
        } catch (BookingException unknown) {
            throw new PageNotFoundException();
        }
    }

    private TenantManifest offering(String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        if (!manifest.features().booking() || manifest.booking() == null) {
            throw new PageNotFoundException();
        }
        model.addAttribute("zone", manifest.timeZone());
        return manifest;
    }

    private static LocalDate parse(String value, LocalDate fallback) {
        try {
            return value == null ? fallback : LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            return fallback;
        }
    }
}
