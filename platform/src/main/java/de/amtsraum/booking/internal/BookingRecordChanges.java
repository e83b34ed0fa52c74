package de.amtsraum.booking.internal;

import de.amtsraum.booking.BookingForm;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.privacy.SubjectRecordChanges;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawal of the consent of an appointment by its citizen (issue 8): an upcoming appointment is
 * cancelled and its APPOINTMENT data shredded (cause WITHDRAWAL); for one that took place the
 * withdrawal has no effect (public-task basis, kept to its retention period) and is refused with
 * {@code rights.controls.error.withdrawalNoEffect}. Correction: name, phone, address, birth date as
 * {@link de.amtsraum.booking.AppointmentDataCorrected}; not the e-mail address (verified channel).
 */
@Component
class BookingRecordChanges implements SubjectRecordChanges {

    static final String SOURCE = "booking";
    static final String TYPE = "appointment";
    static final Set<String> CORRECTABLE = Set.of("name", "phone", "address", "birthDate");

    private final AppointmentQueries queries;
    private final BookingService bookings;
    private final SubjectKeys keys;
    private final TenantDirectory tenants;
    private final CommandGateway commands;
    private final Clock clock;

    BookingRecordChanges(AppointmentQueries queries, BookingService bookings, SubjectKeys keys,
                         TenantDirectory tenants, CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
        this.queries = queries;
        this.bookings = bookings;
        this.keys = keys;
        this.tenants = tenants;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public Set<String> correctableFields(String type) {
        return TYPE.equals(type) ? CORRECTABLE : Set.of();
    }

    /** Checked like the booking form (the tenant's fields, same rules); only changed values are recorded. */
    @Override
    public void correct(String tenantId, String subjectId, String recordId, Map<String, String> values) {
        AppointmentQueries.Row row = owned(tenantId, subjectId, recordId);
        SubjectRecordChanges.requireCorrectable(values, CORRECTABLE);
        if (Redaction.VALUE.equals(row.name()) || Redaction.VALUE.equals(row.email())) {
            throw new IllegalArgumentException("rights.controls.error.erased");
        }
        TenantManifest manifest = tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        BookingForm form = new BookingForm(row.serviceId(), row.start().atOffset(ZoneOffset.UTC),
                values.getOrDefault("name", row.name()), row.email(), values.getOrDefault("phone", row.phone()),
                row.concern(), values.getOrDefault("address", row.address()),
                values.getOrDefault("birthDate", row.birthDate()), true, null, null, null, null, null).normalized();
        LocalDate today = clock.instant().atZone(manifest.timeZone()).toLocalDate();
        if (form.problems(manifest.booking(), today).stream().anyMatch(p -> values.containsKey(p.field()))) {
            throw new IllegalArgumentException("rights.controls.error.invalid");
        }
        String name = changed(form.name(), row.name());
        String phone = changed(form.phone(), row.phone());
        String address = changed(form.address(), row.address());
        String birthDate = changed(form.birthDate(), row.birthDate());
        if (name == null && phone == null && address == null && birthDate == null) {
            return;
        }
        commands.sendAndWait(new BookingCommands.CorrectData(tenantId, recordId, name, phone, address, birthDate,
                clock.instant()));
    }

    private static String changed(String value, String before) {
        return java.util.Objects.equals(value, before) ? null : value;
    }

    @Override
    @Transactional
    public void withdrawConsent(String tenantId, String subjectId, String recordId) {
        AppointmentQueries.Row row = owned(tenantId, subjectId, recordId);
        boolean cancelled = Redaction.VALUE.equals(row.email()) || bookings.cancelForWithdrawal(tenantId, recordId);
        if (!cancelled) {
            throw new IllegalArgumentException("rights.controls.error.withdrawalNoEffect");
        }
        tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new).categoryFor(DataKind.APPOINTMENT)
                .ifPresent(category -> keys.shred(tenantId, subjectId, category.id(), ShredCause.WITHDRAWAL));
    }

    private AppointmentQueries.Row owned(String tenantId, String subjectId, String recordId) {
        return (recordId == null ? java.util.Optional.<AppointmentQueries.Row>empty() : queries.find(tenantId, recordId))
                .filter(row -> row.subjectId().equals(subjectId))
                .orElseThrow(() -> new IllegalArgumentException("rights.controls.error.unknownRecord"));
    }
}
