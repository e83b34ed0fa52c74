package de.amtsraum.booking.internal;

import de.amtsraum.antibot.BotChallenges;
import de.amtsraum.booking.AppointmentOutcomeRecorded.Outcome;
import de.amtsraum.booking.Appointments;
import de.amtsraum.booking.BookingException;
import de.amtsraum.booking.BookingException.Reason;
import de.amtsraum.booking.BookingForm;
import de.amtsraum.booking.InvalidBookingException;
import de.amtsraum.booking.internal.AppointmentQueries.Row;
import de.amtsraum.booking.internal.BookingCalendar.Bookable;
import de.amtsraum.booking.internal.BookingCalendar.Candidate;
import de.amtsraum.booking.internal.BookingCommands.Occupancy;
import de.amtsraum.identity.SignedLinks;
import de.amtsraum.moderation.BlockException;
import de.amtsraum.moderation.BlockOrder;
import de.amtsraum.moderation.CitizenBlocks;
import de.amtsraum.site.TermsOfUse;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;
import de.amtsraum.tenancy.manifest.TenantManifest.Location;
import de.amtsraum.tenancy.manifest.TenantManifest.Service;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The booking use cases. Every change runs in one transaction that claims or releases capacity,
 * records the appointment's events and updates the read model; mail goes out after the commit.
 */
@org.springframework.stereotype.Service
class BookingService implements Appointments {

    static final String CONFIRM = "appointment-confirm";
    static final String MANAGE = "appointment-manage";
    static final int MAX_SEARCH_DAYS = 62;
    /** The cancellation reason of an appointment ended for misuse; the staff's own reason stays in the evidence. */
    static final String MISUSE_REASON = "Verstoß gegen die Nutzungsbedingungen";

    private final TenantDirectory tenants;
    private final CommandGateway commands;
    private final AppointmentQueries queries;
    private final CapacityLedger ledger;
    private final BlindIndex blindIndex;
    private final BookingMails mails;
    private final SignedLinks links;
    private final BotChallenges botChallenges;
    private final Clock clock;
    private final TaskExecutor mailExecutor;
    private final CitizenBlocks blocks;
    private final de.amtsraum.notice.PrivacyNotices notices;

    BookingService(TenantDirectory tenants, CommandGateway commands, AppointmentQueries queries, CapacityLedger ledger,
                   BlindIndex blindIndex, BookingMails mails, SignedLinks links, BotChallenges botChallenges,
                   Clock clock, TaskExecutor applicationTaskExecutor, CitizenBlocks blocks,
                   de.amtsraum.notice.PrivacyNotices notices) {
        this.blocks = blocks;
        this.notices = notices;
        this.tenants = tenants;
        this.commands = commands;
        this.queries = queries;
        this.ledger = ledger;
        this.blindIndex = blindIndex;
        this.mails = mails;
        this.links = links;
        this.botChallenges = botChallenges;
        this.clock = clock;
        this.mailExecutor = applicationTaskExecutor;
    }

    @Override
    public List<ServiceView> services(String tenantId) {
        TenantManifest manifest = offering(tenantId);
        return manifest.services().stream().map(service -> view(manifest, service)).toList();
    }

    @Override
    public ServiceView service(String tenantId, String serviceId) {
        Bookable bookable = bookable(offering(tenantId), serviceId);
        return view(bookable.manifest(), bookable.service());
    }

    @Override
    @Transactional(readOnly = true)
    public List<SlotView> slots(String tenantId, String serviceId, LocalDate from, LocalDate to) {
        Bookable bookable = bookable(offering(tenantId), serviceId);
        if (from == null || to == null || to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_SEARCH_DAYS) {
            throw new BookingException(Reason.INVALID_PERIOD);
        }
        Instant now = clock.instant();
        LocalDate last = BookingCalendar.lastBookableDay(bookable, now);
        LocalDate today = now.atZone(bookable.zone()).toLocalDate();
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate end = to.isAfter(last) ? last : to;
        List<Candidate> candidates = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(end); day = day.plusDays(1)) {
            for (Candidate candidate : BookingCalendar.candidates(bookable, day)) {
                if (BookingCalendar.withinWindow(bookable, candidate.start(), now)) {
                    candidates.add(candidate);
                }
            }
        }
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<String> resources = resources(bookable);
        Map<String, Map<Long, Integer>> usage = ledger.usage(tenantId, resources,
                candidates.getFirst().start().toInstant(), candidates.getLast().occupiedUntil());
        List<SlotView> slots = new ArrayList<>();
        for (Candidate candidate : candidates) {
            int remaining = remaining(bookable, candidate, usage);
            if (remaining > 0) {
                slots.add(new SlotView(candidate.start().toOffsetDateTime(), candidate.end().toOffsetDateTime(),
                        remaining));
            }
        }
        return slots;
    }

    private int remaining(Bookable bookable, Candidate candidate, Map<String, Map<Long, Integer>> usage) {
        Map<Long, Integer> location = usage.getOrDefault(bookable.locationResource(), Map.of());
        long step = BookingCalendar.UNIT.toSeconds();
        long first = Math.floorDiv(candidate.start().toEpochSecond(), step) * step;
        long until = candidate.occupiedUntil().getEpochSecond();
        int remaining = candidate.capacity();
        for (long unit = first; unit < until; unit += step) {
            remaining = Math.min(remaining, candidate.capacity() - location.getOrDefault(unit, 0));
        }
        List<String> staff = bookable.service().staff();
        if (!staff.isEmpty()) {
            int freeStaff = 0;
            for (String member : staff) {
                Map<Long, Integer> used = usage.getOrDefault(staffResource(member), Map.of());
                boolean free = true;
                for (long unit = first; unit < until && free; unit += step) {
                    free = used.getOrDefault(unit, 0) == 0;
                }
                if (free) {
                    freeStaff++;
                }
            }
            remaining = Math.min(remaining, freeStaff);
        }
        return Math.max(remaining, 0);
    }

    @Override
    @Transactional
    public Held request(String tenantId, BookingForm submitted) {
        TenantManifest manifest = offering(tenantId);
        Instant now = clock.instant();
        BookingForm form = submitted.normalized();
        List<BookingForm.Problem> problems = new ArrayList<>(
                form.problems(manifest, now.atZone(manifest.timeZone()).toLocalDate()));
        Optional<Bookable> found = form.serviceId() == null ? Optional.empty()
                : BookingCalendar.bookable(manifest, form.serviceId());
        if (form.serviceId() != null && found.isEmpty()) {
            problems.add(new BookingForm.Problem("serviceId", "Diese Dienstleistung gibt es hier nicht."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidBookingException(problems);
        }
        String notice = currentNotice(tenantId);
        if (form.privacyNoticeVersion() != null && !form.privacyNoticeVersion().equals(notice)) {
            throw new BookingException(Reason.NOTICE_CHANGED);
        }
        String terms = TermsOfUse.version(manifest).orElse(null);
        if (terms != null && form.termsVersion() != null && !form.termsVersion().equals(terms)) {
            throw new BookingException(Reason.TERMS_CHANGED);
        }
        if (manifest.booking().proofOfWork()) {
            botChallenges.verify(tenantId, form.proofOfWork());
        }
        Bookable bookable = found.orElseThrow();
        Candidate candidate = BookingCalendar.candidateAt(bookable, form.start().toInstant())
                .filter(c -> BookingCalendar.withinWindow(bookable, c.start(), now))
                .orElseThrow(() -> new BookingException(Reason.SLOT_UNAVAILABLE));
        String emailIndex = blindIndex.of(tenantId, form.email());
        if (blocks.isBlocked(tenantId, emailIndex, now)) {
            throw new BookingException(Reason.BLOCKED);
        }
        queries.lockAddress(emailIndex);
        if (queries.openFor(tenantId, emailIndex, now) >= manifest.booking().maxOpenAppointmentsPerEmail()) {
            throw new BookingException(Reason.TOO_MANY_OPEN);
        }
        Occupancy occupancy = claim(bookable, candidate);
        String appointmentId = UUID.randomUUID().toString();
        Instant holdExpiresAt = now.plus(Duration.ofMinutes(manifest.booking().holdMinutes()));
        commands.sendAndWait(new BookingCommands.Request(tenantId, appointmentId, UUID.randomUUID().toString(),
                bookable.service().id(), occupancy, candidate.end().toInstant(), holdExpiresAt, form, notice, terms, now));
        // What the confirmation mail needs is at hand: no read-back (and no decryption) of the new row.
        String token = links.issue(CONFIRM, tenantId, appointmentId, Duration.between(now, holdExpiresAt));
        String email = form.email();
        Instant start = occupancy.start();
        afterCommit(() -> mails.confirmationRequest(manifest, bookable.service(), appointmentId, email, start,
                holdExpiresAt, token));
        return new Held(appointmentId, Appointment.Status.HELD.name(), holdExpiresAt);
    }

    /** Claims the location's counters and, where the service names staff, the first free staff member. */
    private Occupancy claim(Bookable bookable, Candidate candidate) {
        String tenantId = bookable.manifest().id();
        List<Instant> units = candidate.units();
        if (!ledger.claim(tenantId, bookable.locationResource(), units, candidate.capacity())) {
            throw new BookingException(Reason.SLOT_UNAVAILABLE);
        }
        String staffId = null;
        if (!bookable.service().staff().isEmpty()) {
            staffId = bookable.service().staff().stream()
                    .filter(member -> ledger.claim(tenantId, staffResource(member), units, 1))
                    .findFirst()
                    .orElseThrow(() -> new BookingException(Reason.SLOT_UNAVAILABLE));
        }
        return new Occupancy(bookable.location().id(), staffId, candidate.start().toInstant(), candidate.occupiedUntil());
    }

    /**
     * Withdrawal of the booking's consent (issue 8): an upcoming appointment is cancelled (by the
     * citizen) and its capacity freed; returns false for one that already took place, where the
     * withdrawal has no effect (its data is kept under the public-task basis to its retention period).
     */
    @Transactional
    boolean cancelForWithdrawal(String tenantId, String appointmentId) {
        Row row = queries.find(tenantId, appointmentId).orElseThrow(() -> new BookingException(Reason.UNKNOWN_APPOINTMENT));
        String status = row.status();
        if (Appointment.Status.CANCELLED.name().equals(status) || Appointment.Status.EXPIRED.name().equals(status)) {
            return true;
        }
        boolean active = Appointment.Status.HELD.name().equals(status) || Appointment.Status.CONFIRMED.name().equals(status);
        if (!active || !clock.instant().isBefore(row.start())) {
            return false;
        }
        Occupancy freed = send(new BookingCommands.CancelByCitizen(tenantId, appointmentId, clock.instant()));
        release(tenantId, freed);
        return true;
    }

    private void release(String tenantId, Occupancy occupancy) {
        List<Instant> units = BookingCalendar.units(occupancy.start(), occupancy.occupiedUntil());
        ledger.release(tenantId, "location:" + occupancy.locationId(), units);
        if (occupancy.staffId() != null) {
            ledger.release(tenantId, staffResource(occupancy.staffId()), units);
        }
    }

    @Override
    @Transactional
    public AppointmentView confirm(String tenantId, String confirmationToken) {
        TenantManifest manifest = offering(tenantId);
        String appointmentId = verify(confirmationToken, CONFIRM, tenantId);
        if (blocks.isBlocked(tenantId, queries.emailIndex(tenantId, appointmentId).orElse(null), clock.instant())) {
            throw new BookingException(Reason.BLOCKED);
        }
        send(new BookingCommands.Confirm(tenantId, appointmentId, clock.instant()));
        Row row = queries.find(tenantId, appointmentId).orElseThrow();
        Service service = serviceOf(manifest, row);
        String manage = manageToken(row);
        afterCommit(() -> mails.confirmed(manifest, service, locationOf(manifest, row), row, manage));
        return view(manifest, row);
    }

    @Override
    @Transactional(readOnly = true)
    public AppointmentView byConfirmationToken(String tenantId, String confirmationToken) {
        TenantManifest manifest = offering(tenantId);
        String appointmentId = verify(confirmationToken, CONFIRM, tenantId);
        return view(manifest, queries.find(tenantId, appointmentId)
                .orElseThrow(() -> new BookingException(Reason.UNKNOWN_APPOINTMENT)));
    }

    @Override
    @Transactional(readOnly = true)
    public AppointmentView byManageToken(String tenantId, String manageToken) {
        TenantManifest manifest = offering(tenantId);
        return view(manifest, managed(tenantId, manageToken));
    }

    @Override
    @Transactional
    public AppointmentView cancelByCitizen(String tenantId, String manageToken) {
        TenantManifest manifest = offering(tenantId);
        Row row = managed(tenantId, manageToken);
        Occupancy freed = send(new BookingCommands.CancelByCitizen(tenantId, row.appointmentId(), clock.instant()));
        release(tenantId, freed);
        Row cancelled = queries.find(tenantId, row.appointmentId()).orElseThrow();
        afterCommit(() -> mails.cancelledByCitizen(manifest, serviceOf(manifest, row), row));
        return view(manifest, cancelled);
    }

    @Override
    @Transactional
    public AppointmentView reschedule(String tenantId, String manageToken, OffsetDateTime newStart) {
        TenantManifest manifest = offering(tenantId);
        Row row = managed(tenantId, manageToken);
        if (newStart == null) {
            throw new InvalidBookingException(List.of(new BookingForm.Problem("start", "Bitte wählen Sie einen Termin.")));
        }
        Instant now = clock.instant();
        Bookable bookable = bookable(manifest, row.serviceId());
        Candidate candidate = BookingCalendar.candidateAt(bookable, newStart.toInstant())
                .filter(c -> BookingCalendar.withinWindow(bookable, c.start(), now))
                .orElseThrow(() -> new BookingException(Reason.SLOT_UNAVAILABLE));
        if (!Appointment.Status.CONFIRMED.name().equals(row.status()) || !now.isBefore(row.start())) {
            throw new BookingException(Reason.NOT_ACTIVE);
        }
        release(tenantId, row.occupancy());
        Occupancy occupancy = claim(bookable, candidate);
        send(new BookingCommands.Reschedule(tenantId, row.appointmentId(), occupancy, candidate.end().toInstant(), now));
        Row moved = queries.find(tenantId, row.appointmentId()).orElseThrow();
        String manage = manageToken(moved);
        afterCommit(() -> mails.rescheduled(manifest, bookable.service(), bookable.location(), moved, manage));
        return view(manifest, moved);
    }

    @Override
    @Transactional(readOnly = true)
    public List<AppointmentView> day(String tenantId, LocalDate day, String locationId) {
        TenantManifest manifest = offering(tenantId);
        ZoneId zone = manifest.timeZone();
        return queries.between(tenantId, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                locationId).stream().map(row -> view(manifest, row)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public AppointmentView get(String tenantId, String appointmentId) {
        TenantManifest manifest = offering(tenantId);
        return view(manifest, queries.find(tenantId, appointmentId)
                .orElseThrow(() -> new BookingException(Reason.UNKNOWN_APPOINTMENT)));
    }

    @Override
    public Optional<String> serviceOf(String tenantId, String appointmentId) {
        return queries.serviceId(tenantId, appointmentId);
    }

    @Override
    @Transactional
    public boolean recordOutcome(String tenantId, String appointmentId, Outcome outcome) {
        offering(tenantId);
        queries.find(tenantId, appointmentId).orElseThrow(() -> new BookingException(Reason.UNKNOWN_APPOINTMENT));
        return Boolean.TRUE.equals(send(new BookingCommands.RecordOutcome(tenantId, appointmentId, outcome,
                clock.instant())));
    }

    @Override
    @Transactional
    public boolean cancelByStaff(String tenantId, String appointmentId, String reason) {
        TenantManifest manifest = offering(tenantId);
        String why = reason == null ? null : reason.strip();
        if (why == null || why.isEmpty() || why.length() > 500) {
            throw new InvalidBookingException(List.of(new BookingForm.Problem("reason",
                    "Bitte nennen Sie einen Grund für die Absage (höchstens 500 Zeichen).")));
        }
        Row row = queries.find(tenantId, appointmentId)
                .orElseThrow(() -> new BookingException(Reason.UNKNOWN_APPOINTMENT));
        Occupancy freed = send(new BookingCommands.CancelByStaff(tenantId, appointmentId, why, clock.instant()));
        if (freed == null) {
            return false;
        }
        release(tenantId, freed);
        afterCommit(() -> mails.cancelledByStaff(manifest, serviceOf(manifest, row), row, why));
        return true;
    }

    @Override
    @Transactional
    public Blocked blockForMisuse(String tenantId, String appointmentId, BlockOrder order, String sessionId,
                                  String ipAddress) {
        TenantManifest manifest = offering(tenantId);
        blocks.requireOffered(tenantId);
        Row row = queries.find(tenantId, appointmentId)
                .orElseThrow(() -> new BookingException(Reason.UNKNOWN_APPOINTMENT));
        String emailIndex = queries.emailIndex(tenantId, appointmentId)
                .orElseThrow(() -> new BlockException(BlockException.Reason.ADDRESS_ERASED));
        Instant now = clock.instant();
        boolean ended = false;
        if (Appointment.Status.HELD.name().equals(row.status()) || Appointment.Status.CONFIRMED.name().equals(row.status())) {
            Occupancy freed = send(new BookingCommands.CancelByStaff(tenantId, appointmentId, MISUSE_REASON, now));
            if (freed != null) {
                release(tenantId, freed);
                ended = true;
                afterCommit(() -> mails.endedForMisuse(manifest, serviceOf(manifest, row), row));
            }
        }
        CitizenBlocks.BlockView block = blocks.block(tenantId, emailIndex, order,
                new CitizenBlocks.Evidence(sessionId == null && ipAddress == null ? "BOOKING" : "VIDEO", appointmentId,
                        row.start(), sessionId, ipAddress));
        return new Blocked(block.blockId(), appointmentId, ended, block.blockedUntil());
    }

    @Override
    @Transactional(readOnly = true)
    public List<CitizenBlocks.BlockView> blocksOf(String tenantId, String appointmentId) {
        return blocks.activeFor(tenantId, queries.emailIndex(tenantId, appointmentId).orElse(null));
    }

    /** Expires one hold whose time is up and frees its slot; false when it was confirmed or expired meanwhile. */
    @Transactional
    public boolean expire(String tenantId, String appointmentId) {
        Occupancy freed = send(new BookingCommands.Expire(tenantId, appointmentId, clock.instant()));
        if (freed == null) {
            return false;
        }
        release(tenantId, freed);
        return true;
    }

    /** Records and then mails the reminder of one appointment; false when it is not due (any more). */
    @Transactional
    public boolean remind(String tenantId, String appointmentId) {
        Row row = queries.find(tenantId, appointmentId).orElse(null);
        TenantManifest manifest = tenants.manifest(tenantId).orElse(null);
        if (row == null || manifest == null) {
            return false;
        }
        if (!Boolean.TRUE.equals(send(new BookingCommands.Remind(tenantId, appointmentId, row.start(), clock.instant())))) {
            return false;
        }
        String manage = manageToken(row);
        afterCommit(() -> mails.reminder(manifest, serviceOf(manifest, row), locationOf(manifest, row), row, manage));
        return true;
    }

    private Row managed(String tenantId, String manageToken) {
        String appointmentId = verify(manageToken, MANAGE, tenantId);
        return queries.find(tenantId, appointmentId).orElseThrow(() -> new BookingException(Reason.UNKNOWN_APPOINTMENT));
    }

    private String verify(String token, String purpose, String tenantId) {
        return links.verify(token, purpose, tenantId).orElseThrow(() -> new BookingException(Reason.UNKNOWN_APPOINTMENT));
    }

    /** Valid until a day after the appointment ends. */
    private String manageToken(Row row) {
        Duration validity = Duration.between(clock.instant(), row.end().plus(Duration.ofDays(1)));
        return links.issue(MANAGE, row.tenantId(), row.appointmentId(),
                validity.isNegative() ? Duration.ofHours(1) : validity);
    }

    @SuppressWarnings("unchecked")
    private <T> T send(Object command) {
        try {
            return (T) commands.sendAndWait(command);
        } catch (AggregateNotFoundException unknown) {
            throw new BookingException(Reason.UNKNOWN_APPOINTMENT);
        }
    }

    /** The number of the published privacy notice in force, as the consent records it. */
    private String currentNotice(String tenantId) {
        if (!tenants.exists(tenantId)) {
            throw new UnknownTenantException();
        }
        return notices.currentNumber(tenantId);
    }

    private TenantManifest offering(String tenantId) {
        TenantManifest manifest = tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        if (!manifest.features().booking() || manifest.booking() == null) {
            throw new BookingException(Reason.NOT_OFFERED);
        }
        return manifest;
    }

    private static Bookable bookable(TenantManifest manifest, String serviceId) {
        return BookingCalendar.bookable(manifest, serviceId)
                .orElseThrow(() -> new BookingException(Reason.UNKNOWN_SERVICE));
    }

    private static Service serviceOf(TenantManifest manifest, Row row) {
        return bookable(manifest, row.serviceId()).service();
    }

    private static Location locationOf(TenantManifest manifest, Row row) {
        return manifest.locations().stream().filter(l -> l.id().equals(row.locationId())).findFirst()
                .orElse(manifest.locations().getFirst());
    }

    static String staffResource(String staffId) {
        return "staff:" + staffId;
    }

    private static List<String> resources(Bookable bookable) {
        List<String> resources = new ArrayList<>();
        resources.add(bookable.locationResource());
        bookable.service().staff().forEach(member -> resources.add(staffResource(member)));
        return resources;
    }

    private static ServiceView view(TenantManifest manifest, Service service) {
        Location location = BookingCalendar.location(manifest, service);
        var address = location.address();
        return new ServiceView(service.id(), service.name(), service.description(), service.durationMinutes(),
                service.channel().name(), new LocationView(location.id(), location.name(),
                address == null ? null : address.street(), address == null ? null : address.postalCode(),
                address == null ? null : address.city()), service.documentsToBring(), service.leikaKey());
    }

    private static AppointmentView view(TenantManifest manifest, Row row) {
        Optional<Service> service = manifest.services().stream().filter(s -> s.id().equals(row.serviceId())).findFirst();
        ZoneId zone = manifest.timeZone();
        return new AppointmentView(row.appointmentId(), row.serviceId(), service.map(Service::name).orElse(row.serviceId()),
                row.locationId(), row.start().atZone(zone).toOffsetDateTime(), row.end().atZone(zone).toOffsetDateTime(),
                row.status(), row.holdExpiresAt(), row.name(), row.email(), row.phone(), row.concern(), row.address(),
                row.birthDate(), row.cancelReason(), service.map(Service::documentsToBring).orElse(List.of()));
    }

    /**
     * Mail goes out once the transaction has committed, on the application's task executor, so the
     * request neither waits for the mail server nor holds its database connection meanwhile.
     */
    private void afterCommit(Runnable mail) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            mailExecutor.execute(mail);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                mailExecutor.execute(mail);
            }
        });
    }
}
