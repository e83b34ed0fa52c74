package de.amtsraum.booking.web;

import de.amtsraum.booking.AppointmentOutcomeRecorded.Outcome;
import de.amtsraum.booking.Appointments;
import de.amtsraum.booking.Appointments.AppointmentView;
import de.amtsraum.booking.Appointments.Held;
import de.amtsraum.booking.Appointments.ServiceView;
import de.amtsraum.booking.Appointments.SlotView;
import de.amtsraum.booking.BookingForm;
import de.amtsraum.moderation.BlockOrder;
import de.amtsraum.moderation.CitizenBlocks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Booking API. Citizens (no account) read the catalogue and free slots, book, and use the token of
 * their mail to confirm, look up, cancel or reschedule (tokens travel in the body, never in a URL);
 * staff list a day, read an appointment, record the outcome and cancel with a reason.
 */
@RestController
@RequestMapping(path = "/api/v1/tenants/{tenant}", produces = MediaType.APPLICATION_JSON_VALUE)
class BookingController {

    private final Appointments appointments;
    private final CitizenBlocks blocks;

    BookingController(Appointments appointments, CitizenBlocks blocks) {
        this.appointments = appointments;
        this.blocks = blocks;
    }

    record Token(String token) {
    }

    record Rescheduling(String token, OffsetDateTime start) {
    }

    record OutcomeRequest(Outcome outcome) {
    }

    record Cancellation(String reason) {
    }

    record Changed(String id, boolean changedNow) {
    }

    /** @param duration ISO-8601 period (P7D, P30D, …) or PERMANENT; screenshot: base64 PNG/JPEG ≤ 2 MiB, optional */
    record BlockRequest(String reason, String duration, String screenshot) {
    }

    @GetMapping("/services")
    @Operation(summary = "Bookable services of the authority (public)")
    List<ServiceView> services(@PathVariable String tenant) {
        return appointments.services(tenant);
    }

    @GetMapping("/services/{service}")
    @Operation(summary = "One bookable service (public)")
    ServiceView service(@PathVariable String tenant, @PathVariable String service) {
        return appointments.service(tenant, service);
    }

    @GetMapping("/services/{service}/slots")
    @Operation(summary = "Free slots with remaining capacity (public)",
            description = "Days from..to inclusive (YYYY-MM-DD, at most 62 days), times in the authority's time zone. "
                    + "Closed days, the booking window and the minimum notice are applied.")
    List<SlotView> slots(@PathVariable String tenant, @PathVariable String service,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return appointments.slots(tenant, service, from, to);
    }

    @PostMapping(path = "/appointments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Book: hold a slot and mail the confirmation link (citizen, no account)",
            description = "Required: serviceId, start (a slot's start), consent=true and the fields the authority asks for "
                    + "(see its manifest: name, email, phone, concern, address, birthDate); fields it does not ask for "
                    + "are refused. proofOfWork: the solved challenge where the authority requires one. 422 with "
                    + "errors[{field, message}] (German) when invalid, 409 when the slot is not free, 429 when the "
                    + "address has too many open appointments; nothing is stored then.")
    Held book(@PathVariable String tenant, @RequestBody BookingForm form) {
        return appointments.request(tenant, form);
    }

    @PostMapping(path = "/appointment-confirmations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm a held slot with the token from the mail (double opt-in)")
    AppointmentView confirm(@PathVariable String tenant, @RequestBody Token token) {
        return appointments.confirm(tenant, token.token());
    }

    @PostMapping(path = "/appointment-lookups", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The appointment a manage token from the mail refers to")
    AppointmentView lookup(@PathVariable String tenant, @RequestBody Token token) {
        return appointments.byManageToken(tenant, token.token());
    }

    @PostMapping(path = "/appointment-cancellations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel with the manage token from the mail; frees the slot")
    AppointmentView cancel(@PathVariable String tenant, @RequestBody Token token) {
        return appointments.cancelByCitizen(tenant, token.token());
    }

    @PostMapping(path = "/appointment-reschedulings", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Move a confirmed appointment to another free slot of the same service")
    AppointmentView reschedule(@PathVariable String tenant, @RequestBody Rescheduling rescheduling) {
        return appointments.reschedule(tenant, rescheduling.token(), rescheduling.start());
    }

    @GetMapping("/appointments")
    @Operation(summary = "Appointments of one day, optionally of one location (staff)",
            security = @SecurityRequirement(name = "bearer"))
    List<AppointmentView> day(@PathVariable String tenant,
                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                              @RequestParam(required = false) String location) {
        return appointments.day(tenant, date, location);
    }

    @GetMapping("/appointments/{id}")
    @Operation(summary = "One appointment (staff)", security = @SecurityRequirement(name = "bearer"))
    AppointmentView get(@PathVariable String tenant, @PathVariable String id) {
        return appointments.get(tenant, id);
    }

    @PostMapping(path = "/appointments/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record DONE or NO_SHOW (staff)", security = @SecurityRequirement(name = "bearer"))
    Changed outcome(@PathVariable String tenant, @PathVariable String id, @RequestBody OutcomeRequest request) {
        if (request.outcome() == null) {
            throw new de.amtsraum.booking.InvalidBookingException(List.of(
                    new BookingForm.Problem("outcome", "Bitte geben Sie DONE oder NO_SHOW an.")));
        }
        return new Changed(id, appointments.recordOutcome(tenant, id, request.outcome()));
    }

    @PostMapping(path = "/appointments/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancel with a reason; the citizen gets a mail (staff)",
            security = @SecurityRequirement(name = "bearer"))
    Changed cancelByStaff(@PathVariable String tenant, @PathVariable String id, @RequestBody Cancellation cancellation) {
        return new Changed(id, appointments.cancelByStaff(tenant, id, cancellation.reason()));
    }

    @PostMapping(path = "/appointments/{id}/block", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "End the appointment for misuse and block the citizen's address (staff)",
            description = "Only where the authority's manifest has a category covering ABUSE_EVIDENCE (else 404). "
                    + "reason (required, ≤ 1,000 characters), duration (ISO-8601 period such as P7D or P30D, or "
                    + "PERMANENT), screenshot (optional, base64 or data URI of a PNG or JPEG of at most 2 MiB). A held "
                    + "or confirmed appointment is cancelled and its slot freed; reason, screenshot and the appointment "
                    + "are sealed as evidence and erased by the tenant's INCIDENT_RECORDED rule. 422 with "
                    + "errors[{field, message}] (German) when invalid; nothing is stored then.",
            security = @SecurityRequirement(name = "bearer"))
    Appointments.Blocked block(@PathVariable String tenant, @PathVariable String id, @RequestBody BlockRequest request) {
        blocks.requireOffered(tenant);
        BlockOrder order = BlockOrder.of(request.reason(), request.duration(),
                BlockOrder.Upload.base64(request.screenshot()));
        return appointments.blockForMisuse(tenant, id, order);
    }
}
