package de.amtsraum.booking.web;

import de.amtsraum.antibot.BotChallenges;
import de.amtsraum.antibot.BotCheckFailedException;
import de.amtsraum.booking.Appointments;
import de.amtsraum.booking.Appointments.AppointmentView;
import de.amtsraum.booking.Appointments.ServiceView;
import de.amtsraum.booking.Appointments.SlotView;
import de.amtsraum.booking.BookingException;
import de.amtsraum.booking.BookingForm;
import de.amtsraum.booking.InvalidBookingException;
import de.amtsraum.site.PageNotFoundException;
import de.amtsraum.site.SiteController;
import de.amtsraum.site.TenantSite;
import de.amtsraum.site.TermsOfUse;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.BookingField;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /{tenant}/termin…}: booking as plain HTML pages (no JavaScript needed): services → month →
 * day → form → "check your mail" → confirm (a button, so mail scanners following links confirm
 * nothing) → manage (cancel, reschedule through the same month and day pages). Post/redirect/get
 * after every change; errors as German (or English) sentences with the right HTTP status.
 */
@SiteController
class BookingPageController {

    /** A form field the tenant asks for, as shown. */
    record ShownField(String name, boolean required, String autocomplete, String type) {
    }

    /** A day cell of the month view. */
    record DayCell(LocalDate date, boolean inMonth, int freeSlots) {
    }

    private static final Map<BookingField, ShownField> FIELDS = Map.of(
            BookingField.NAME, new ShownField("name", true, "name", "text"),
            BookingField.EMAIL, new ShownField("email", true, "email", "email"),
            BookingField.PHONE, new ShownField("phone", true, "tel", "tel"),
            BookingField.ADDRESS, new ShownField("address", true, "street-address", "text"),
            BookingField.BIRTH_DATE, new ShownField("birthDate", true, "bday", "date"),
            BookingField.CONCERN, new ShownField("concern", true, "off", "textarea"));
    private static final List<BookingField> ORDER = List.of(BookingField.NAME, BookingField.EMAIL, BookingField.PHONE,
            BookingField.ADDRESS, BookingField.BIRTH_DATE, BookingField.CONCERN);

    private final TenantSite site;
    private final Appointments appointments;
    private final TenantDirectory tenants;
    private final BotChallenges challenges;
    private final Clock clock;
    private final MessageSource messages;

    private final de.amtsraum.video.CallLinks callLinks;
    private final de.amtsraum.notice.PrivacyNotices notices;

    BookingPageController(TenantSite site, Appointments appointments, TenantDirectory tenants,
                          BotChallenges challenges, Clock clock, MessageSource messages,
                          de.amtsraum.video.CallLinks callLinks, de.amtsraum.notice.PrivacyNotices notices) {
        this.callLinks = callLinks;
        this.notices = notices;
        this.site = site;
        this.appointments = appointments;
        this.tenants = tenants;
        this.challenges = challenges;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/{tenant}/termin")
    String services(@PathVariable String tenant, Model model) {
        offering(tenant, model);
        model.addAttribute("services", appointments.services(tenant));
        return "booking/services";
    }

    @GetMapping("/{tenant}/termin/{service}")
    String month(@PathVariable String tenant, @PathVariable String service,
                 @RequestParam(name = "monat", required = false) String month,
                 @RequestParam(name = "verschieben", required = false) String reschedule, Model model) {
        TenantManifest manifest = offering(tenant, model);
        ServiceView view = appointments.service(tenant, service);
        LocalDate today = LocalDate.now(clock.withZone(manifest.timeZone()));
        LocalDate last = today.plusDays(manifest.booking().bookingWindowDays());
        YearMonth shown = parseMonth(month, YearMonth.from(today));
        if (shown.isBefore(YearMonth.from(today)) || shown.isAfter(YearMonth.from(last))) {
            shown = YearMonth.from(today);
        }
        LocalDate from = shown.atDay(1);
        LocalDate to = shown.atEndOfMonth();
        Map<LocalDate, Integer> free = new TreeMap<>();
        for (SlotView slot : appointments.slots(tenant, service, from, to)) {
            free.merge(slot.start().atZoneSameInstant(manifest.timeZone()).toLocalDate(), 1, Integer::sum);
        }
        List<List<DayCell>> weeks = new ArrayList<>();
        LocalDate cursor = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        while (!cursor.isAfter(to)) {
            List<DayCell> week = new ArrayList<>();
            for (int d = 0; d < 7; d++, cursor = cursor.plusDays(1)) {
                week.add(new DayCell(cursor, YearMonth.from(cursor).equals(shown), free.getOrDefault(cursor, 0)));
            }
            weeks.add(week);
        }
        model.addAttribute("service", view);
        model.addAttribute("month", shown);
        model.addAttribute("weeks", weeks);
        model.addAttribute("anyFree", !free.isEmpty());
        model.addAttribute("previous", shown.isAfter(YearMonth.from(today)) ? shown.minusMonths(1) : null);
        model.addAttribute("next", shown.isBefore(YearMonth.from(last)) ? shown.plusMonths(1) : null);
        model.addAttribute("reschedule", reschedule);
        return "booking/month";
    }

    @GetMapping("/{tenant}/termin/{service}/tag/{date}")
    String day(@PathVariable String tenant, @PathVariable String service, @PathVariable String date,
               @RequestParam(name = "verschieben", required = false) String reschedule, Model model) {
        TenantManifest manifest = offering(tenant, model);
        LocalDate day = parseDate(date);
        model.addAttribute("service", appointments.service(tenant, service));
        model.addAttribute("day", day);
        model.addAttribute("slots", appointments.slots(tenant, service, day, day).stream()
                .map(slot -> slot.start().atZoneSameInstant(manifest.timeZone()).toLocalDateTime()).toList());
        model.addAttribute("reschedule", reschedule);
        return "booking/day";
    }

    @GetMapping("/{tenant}/termin/{service}/buchen")
    String form(@PathVariable String tenant, @PathVariable String service, @RequestParam String start, Model model) {
        TenantManifest manifest = offering(tenant, model);
        return showForm(manifest, appointments.service(tenant, service), parseStart(start), Map.of(), Map.of(), model);
    }

    @PostMapping(path = "/{tenant}/termin/{service}/buchen", consumes = "application/x-www-form-urlencoded")
    String book(@PathVariable String tenant, @PathVariable String service, @RequestParam Map<String, String> fields,
                Model model, HttpServletResponse response) {
        TenantManifest manifest = offering(tenant, model);
        ServiceView view = appointments.service(tenant, service);
        LocalDateTime start = parseStart(fields.get("start"));
        BookingForm form = new BookingForm(service, start.atZone(manifest.timeZone()).toOffsetDateTime(),
                fields.get("name"), fields.get("email"), fields.get("phone"), fields.get("concern"),
                fields.get("address"), fields.get("birthDate"), fields.containsKey("consent"),
                fields.get("noticeVersion"), BotChallenges.solution(fields), fields.containsKey("termsAccepted"),
                fields.get("termsVersion"), fields.get("ageConfirmation"));
        try {
            appointments.request(tenant, form);
            return "redirect:/" + tenant + "/termin/gesendet";
        } catch (InvalidBookingException invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            invalid.problems().forEach(problem -> errors.putIfAbsent(problem.field(),
                    localized(problem.field(), problem.message())));
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return showForm(manifest, view, start, fields, errors, model);
        } catch (BookingException refused) {
            if (refused.reason() == BookingException.Reason.SLOT_UNAVAILABLE
                    || refused.reason() == BookingException.Reason.TOO_MANY_OPEN
                    || refused.reason() == BookingException.Reason.NOTICE_CHANGED
                    || refused.reason() == BookingException.Reason.TERMS_CHANGED
                    || refused.reason() == BookingException.Reason.BLOCKED) {
                response.setStatus(refused.status().value());
                String key = refused.reason() == BookingException.Reason.BLOCKED ? "blocked" : "form";
                return showForm(manifest, view, start, fields, Map.of("form", localized(key, refused.german())), model);
            }
            throw refused;
        } catch (BotCheckFailedException botCheck) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            String message = localized("bot-check", botCheck.germanMessage());
            model.addAttribute("botCheckError", message);
            return showForm(manifest, view, start, fields, Map.of("bot-check", message), model);
        }
    }

    @GetMapping("/{tenant}/termin/gesendet")
    String sent(@PathVariable String tenant, Model model) {
        TenantManifest manifest = offering(tenant, model);
        model.addAttribute("holdMinutes", manifest.booking().holdMinutes());
        return "booking/sent";
    }

    @GetMapping("/{tenant}/termin/bestaetigen")
    String confirmPage(@PathVariable String tenant, @RequestParam(required = false) String token, Model model) {
        offering(tenant, model);
        model.addAttribute("appointment", appointments.byConfirmationToken(tenant, token));
        model.addAttribute("token", token);
        return "booking/confirm";
    }

    @PostMapping(path = "/{tenant}/termin/bestaetigen", consumes = "application/x-www-form-urlencoded")
    String confirm(@PathVariable String tenant, @RequestParam(required = false) String token, Model model) {
        offering(tenant, model);
        try {
            model.addAttribute("appointment", appointments.confirm(tenant, token));
            model.addAttribute("already", false);
        } catch (BookingException refused) {
            if (refused.reason() != BookingException.Reason.ALREADY_CONFIRMED) {
                throw refused;
            }
            model.addAttribute("appointment", appointments.byConfirmationToken(tenant, token));
            model.addAttribute("already", true);
        }
        return "booking/confirmed";
    }

    @GetMapping("/{tenant}/termin/verwalten")
    String manage(@PathVariable String tenant, @RequestParam(required = false) String token, Model model) {
        offering(tenant, model);
        AppointmentView appointment = appointments.byManageToken(tenant, token);
        model.addAttribute("appointment", appointment);
        model.addAttribute("token", token);
        model.addAttribute("active", "CONFIRMED".equals(appointment.status()) || "HELD".equals(appointment.status()));
        videoLink(tenant, appointment, model);
        return "booking/manage";
    }

    /** For a confirmed VIDEO appointment: the citizen's call page of its case (valid a day past its end). */
    private void videoLink(String tenant, AppointmentView appointment, Model model) {
        boolean video = site.resolve(tenant).services().stream().anyMatch(s -> s.id().equals(appointment.serviceId())
                && s.channel() == de.amtsraum.tenancy.manifest.TenantManifest.Channel.VIDEO);
        if (video && "CONFIRMED".equals(appointment.status())) {
            java.time.Duration validity = java.time.Duration.between(clock.instant(), appointment.end().toInstant())
                    .plusDays(1);
            model.addAttribute("videoLink", callLinks.citizenPage(tenant,
                    de.amtsraum.shared.CaseIds.forAppointment(appointment.appointmentId()),
                    validity.isNegative() ? java.time.Duration.ofDays(1) : validity));
        }
    }

    @PostMapping(path = "/{tenant}/termin/verwalten/absagen", consumes = "application/x-www-form-urlencoded")
    String cancel(@PathVariable String tenant, @RequestParam(required = false) String token, Model model) {
        offering(tenant, model);
        model.addAttribute("appointment", appointments.cancelByCitizen(tenant, token));
        return "booking/cancelled";
    }

    @GetMapping("/{tenant}/termin/verwalten/verschieben")
    String reschedulePage(@PathVariable String tenant, @RequestParam(required = false) String token,
                          @RequestParam String start, Model model) {
        TenantManifest manifest = offering(tenant, model);
        AppointmentView appointment = appointments.byManageToken(tenant, token);
        model.addAttribute("appointment", appointment);
        model.addAttribute("token", token);
        model.addAttribute("start", parseStart(start));
        model.addAttribute("zone", manifest.timeZone());
        return "booking/reschedule";
    }

    @PostMapping(path = "/{tenant}/termin/verwalten/verschieben", consumes = "application/x-www-form-urlencoded")
    String reschedule(@PathVariable String tenant, @RequestParam(required = false) String token,
                      @RequestParam String start, Model model) {
        TenantManifest manifest = offering(tenant, model);
        AppointmentView moved = appointments.reschedule(tenant, token,
                parseStart(start).atZone(manifest.timeZone()).toOffsetDateTime());
        model.addAttribute("appointment", moved);
        model.addAttribute("token", token);
        model.addAttribute("active", true);
        model.addAttribute("moved", true);
        return "booking/manage";
    }

    /** Refusals (unknown link, expired hold, full slot, …) as a page with the matching status. */
    @ExceptionHandler(BookingException.class)
    String refused(BookingException refused, Model model, HttpServletResponse response,
                   jakarta.servlet.http.HttpServletRequest request) {
        String tenant = request.getRequestURI().split("/")[1];
        try {
            site.frame(tenant, model);
        } catch (PageNotFoundException unknown) {
            model.addAttribute("site", null);
        }
        response.setStatus(refused.status().value());
        model.addAttribute("reason", refused.reason().name());
        model.addAttribute("message", refused.german());
        return "booking/problem";
    }

    private String showForm(TenantManifest manifest, ServiceView service, LocalDateTime start, Map<String, String> values,
                            Map<String, String> errors, Model model) {
        var settings = manifest.booking();
        List<ShownField> fields = new ArrayList<>();
        for (BookingField kind : ORDER) {
            ShownField field = FIELDS.get(kind);
            if (settings.requiredFields().contains(kind)) {
                fields.add(field);
            } else if (settings.optionalFields().contains(kind)) {
                fields.add(new ShownField(field.name(), false, field.autocomplete(), field.type()));
            }
        }
        model.addAttribute("service", service);
        model.addAttribute("start", start);
        model.addAttribute("end", start.plusMinutes(service.durationMinutes()));
        model.addAttribute("fields", fields);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("consent", values.containsKey("consent"));
        model.addAttribute("noticeVersion", notices.currentNumber(manifest.id()));
        model.addAttribute("termsVersion", TermsOfUse.version(manifest).orElse(null));
        model.addAttribute("termsAccepted", values.containsKey("termsAccepted"));
        model.addAttribute("minimumAge", manifest.features().minimumAge());
        model.addAttribute("guardianConsent", Boolean.TRUE.equals(manifest.features().guardianConsentBelowMinimumAge()));
        model.addAttribute("challenge", settings.proofOfWork() ? challenges.issue(manifest.id()) : null);
        model.addAttribute("css", Map.of("inputError", "kern-form-input__input--error"));
        return "booking/form";
    }

    private TenantManifest offering(String tenant, Model model) {
        TenantManifest manifest = site.frame(tenant, model);
        if (!manifest.features().booking() || manifest.booking() == null) {
            throw new PageNotFoundException();
        }
        model.addAttribute("zone", manifest.timeZone());
        return manifest;
    }

    private static YearMonth parseMonth(String value, YearMonth fallback) {
        try {
            return value == null ? fallback : YearMonth.parse(value);
        } catch (DateTimeParseException malformed) {
            return fallback;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            throw new PageNotFoundException();
        }
    }

    private static LocalDateTime parseStart(String value) {
        try {
            return LocalDateTime.parse(value == null ? "" : value);
        } catch (DateTimeParseException malformed) {
            throw new BookingException(BookingException.Reason.SLOT_UNAVAILABLE);
        }
    }

    /** The German message, or its English counterpart when the citizen chose English. */
    private String localized(String field, String german) {
        Locale locale = LocaleContextHolder.getLocale();
        if (!"en".equals(locale.getLanguage())) {
            return german;
        }
        return messages.getMessage("booking.error." + field, null, german, locale);
    }
}
