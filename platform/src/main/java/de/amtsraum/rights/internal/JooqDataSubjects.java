package de.amtsraum.rights.internal;

import static de.amtsraum.readmodel.jooq.Tables.ERASURE_RECEIPT;
import static de.amtsraum.readmodel.jooq.Tables.ERASURE_RECEIPT_SUBJECT;
import static de.amtsraum.readmodel.jooq.Tables.RIGHTS_SUBJECT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.amtsraum.identity.RightsLinks;
import de.amtsraum.notification.Mailer;
import de.amtsraum.notification.OutgoingMail;
import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.LegalHolds;
import de.amtsraum.privacy.ProcessingRestrictions;
import de.amtsraum.privacy.RetentionDeadlines;
import de.amtsraum.privacy.ShredCause;
import de.amtsraum.privacy.SubjectKeys;
import de.amtsraum.privacy.SubjectRecords;
import de.amtsraum.rights.DataSubjects;
import de.amtsraum.rights.ErasureCompleted;
import de.amtsraum.rights.ErasureReceipt;
import de.amtsraum.rights.Person;
import de.amtsraum.rights.ProcessingControls;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Access, export and erasure for a person found through the registry {@code rights_subject} (ADR 0023). */
@Service
class JooqDataSubjects implements DataSubjects {

    private static final Logger log = LoggerFactory.getLogger(JooqDataSubjects.class);
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private final DSLContext db;
    private final EmailIndex index;
    private final List<SubjectRecords> sources;
    private final RetentionDeadlines deadlines;
    private final TenantDirectory tenants;
    private final SubjectKeys keys;
    private final LegalHolds holds;
    private final RightsLinks links;
    private final Mailer mailer;
    private final EventGateway events;
    private final SubjectExport export;
    private final ObjectProvider<ProcessingRestrictions> restrictions;
    private final ObjectProvider<ProcessingControls> controls;
    private final Clock clock;

    JooqDataSubjects(DSLContext db, EmailIndex index, List<SubjectRecords> sources, RetentionDeadlines deadlines,
                     TenantDirectory tenants, SubjectKeys keys, LegalHolds holds, RightsLinks links, Mailer mailer,
                     EventGateway events, SubjectExport export, ObjectProvider<ProcessingRestrictions> restrictions,
                     ObjectProvider<ProcessingControls> controls, Clock clock) {
        this.db = db;
        this.index = index;
        this.sources = sources;
        this.deadlines = deadlines;
        this.tenants = tenants;
        this.keys = keys;
        this.holds = holds;
        this.links = links;
        this.mailer = mailer;
        this.events = events;
        this.export = export;
        this.restrictions = restrictions;
        this.controls = controls;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Person> bySubject(String tenantId, String subjectId) {
        var rows = db.selectFrom(RIGHTS_SUBJECT)
                .where(RIGHTS_SUBJECT.TENANT_ID.eq(tenantId), RIGHTS_SUBJECT.SUBJECT_ID.eq(subjectId)).fetch();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<String> indices = new LinkedHashSet<>();
        Set<String> subjects = new LinkedHashSet<>();
        subjects.add(subjectId);
        rows.forEach(row -> {
            if (row.getEmailIndex() != null) {
                indices.add(row.getEmailIndex());
            }
            if (row.getLinkedSubjectId() != null) {
                subjects.add(row.getLinkedSubjectId());
            }
        });
        return Optional.of(expand(tenantId, subjectId, subjects, indices));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Person> byEmail(String tenantId, String email) {
        String emailIndex = index.of(tenantId, email);
        if (emailIndex == null) {
            return Optional.empty();
        }
        var anchor = db.select(RIGHTS_SUBJECT.SUBJECT_ID).from(RIGHTS_SUBJECT)
                .where(RIGHTS_SUBJECT.TENANT_ID.eq(tenantId), RIGHTS_SUBJECT.EMAIL_INDEX.eq(emailIndex))
                .orderBy(RIGHTS_SUBJECT.REGISTERED_AT, RIGHTS_SUBJECT.RECORD_ID).limit(1).fetchOne(RIGHTS_SUBJECT.SUBJECT_ID);
        if (anchor == null) {
            return Optional.empty();
        }
        return Optional.of(expand(tenantId, anchor, new LinkedHashSet<>(Set.of(anchor)), Set.of(emailIndex)));
    }

    /** Anchor's subjects plus every subject sharing an index, plus the cases opened from any of them. */
    private Person expand(String tenantId, String anchor, Set<String> subjects, Set<String> indices) {
        if (!indices.isEmpty()) {
            subjects.addAll(db.selectDistinct(RIGHTS_SUBJECT.SUBJECT_ID).from(RIGHTS_SUBJECT)
                    .where(RIGHTS_SUBJECT.TENANT_ID.eq(tenantId), RIGHTS_SUBJECT.EMAIL_INDEX.in(indices))
                    .fetch(RIGHTS_SUBJECT.SUBJECT_ID));
        }
        subjects.addAll(db.selectDistinct(RIGHTS_SUBJECT.SUBJECT_ID).from(RIGHTS_SUBJECT)
                .where(RIGHTS_SUBJECT.TENANT_ID.eq(tenantId), RIGHTS_SUBJECT.LINKED_SUBJECT_ID.in(subjects))
                .fetch(RIGHTS_SUBJECT.SUBJECT_ID));
        return new Person(tenantId, anchor, Set.copyOf(subjects));
    }

    @Override
    public void mailLink(String tenantId, String email) {
        Optional<Person> person = byEmail(tenantId, email);
        if (person.isEmpty()) {
            return;
        }
        String url = links.url(tenantId, person.get().anchorSubjectId(), Duration.ofHours(24));
        String name = tenants.manifest(tenantId).map(TenantManifest::name).orElse(tenantId);
        mailer.send(new OutgoingMail(email.strip(), "Ihre Daten bei " + name + " / Your data",
                "Guten Tag,\n\nüber diesen Link sehen Sie, welche Daten " + name + " über Sie gespeichert hat, "
                        + "können sie herunterladen oder löschen lassen. Der Link ist 24 Stunden gültig:\n\n" + url
                        + "\n\nWenn Sie den Link nicht angefordert haben, können Sie diese E-Mail ignorieren.\n\n"
                        + "Hello,\n\nthis link shows the data " + name + " holds about you (valid for 24 hours):\n\n"
                        + url + "\n"));
    }

    @Override
    @Transactional(readOnly = true)
    public Report access(Person person) {
        List<HeldRecord> records = new ArrayList<>();
        for (SubjectRecords source : sources) {
            records.addAll(source.recordsOf(person.tenantId(), person.subjectIds()));
        }
        var pending = deadlines.pendingFor(person.tenantId(), person.subjectIds());
        Set<String> categoryIds = new LinkedHashSet<>();
        records.forEach(record -> record.fields().stream().map(HeldRecord.Field::categoryId)
                .filter(Objects::nonNull).forEach(categoryIds::add));
        pending.forEach(p -> categoryIds.add(p.categoryId()));
        List<CategoryInfo> categories = tenants.manifest(person.tenantId()).map(manifest -> categoryIds.stream()
                .flatMap(id -> manifest.category(id).stream())
                .map(c -> new CategoryInfo(c.id(), c.name(), c.description(), c.legalBasis(), c.purposes(),
                        c.recipients(), c.retention().stream().map(Object::toString).toList()))
                .toList()).orElse(List.of());
        boolean restricted = false;
        boolean objected = false;
        ProcessingControls control = controls.getIfAvailable();
        if (control != null) {
            var status = control.status(person);
            restricted = status.restrictedSince() != null;
            objected = status.objectedSince() != null;
        } else {
            ProcessingRestrictions restriction = restrictions.getIfAvailable();
            restricted = restriction != null && person.subjectIds().stream()
                    .anyMatch(s -> restriction.restricted(person.tenantId(), s));
        }
        return new Report(person, clock.instant(), records, pending, categories, restricted, objected);
    }

    @Override
    public byte[] export(Person person) {
        return export.of(access(person));
    }

    @Override
    @Transactional
    public ErasureReceipt erase(Person person, RequestChannel channel) {
        Optional<ErasureReceipt> earlier = receiptOf(person);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Report report = access(person);
        String receiptId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<ErasureReceipt.Item> erased = new ArrayList<>();
        List<ErasureReceipt.Item> kept = new ArrayList<>();
        List<String> erasedSubjects = new ArrayList<>();
        List<String> keptSubjects = new ArrayList<>();
        for (String subject : person.subjectIds().stream().sorted().toList()) {
            var hold = holds.holdOf(person.tenantId(), subject);
            List<HeldRecord> held = report.records().stream().filter(r -> subject.equals(r.subjectId())).toList();
            if (hold.isPresent()) {
                keptSubjects.add(subject);
                held.forEach(r -> kept.addAll(items(r, hold.get().reason().name())));
            } else {
                erasedSubjects.add(subject);
                keys.shredAll(person.tenantId(), subject, ShredCause.ERASURE_REQUEST);
                held.forEach(r -> erased.addAll(items(r, null)));
            }
        }
        ErasureReceipt receipt = new ErasureReceipt(receiptId, person.tenantId(), now, channel, erased, kept);
        try {
            db.insertInto(ERASURE_RECEIPT)
                    .set(ERASURE_RECEIPT.RECEIPT_ID, receiptId)
                    .set(ERASURE_RECEIPT.TENANT_ID, person.tenantId())
                    .set(ERASURE_RECEIPT.ANCHOR_SUBJECT, person.anchorSubjectId())
                    .set(ERASURE_RECEIPT.ERASED_AT, now.atOffset(ZoneOffset.UTC))
                    .set(ERASURE_RECEIPT.CHANNEL, channel.name())
                    .set(ERASURE_RECEIPT.ITEMS, JSON.writeValueAsString(receipt))
                    .execute();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        for (String subject : person.subjectIds()) {
            db.insertInto(ERASURE_RECEIPT_SUBJECT)
                    .set(ERASURE_RECEIPT_SUBJECT.TENANT_ID, person.tenantId())
                    .set(ERASURE_RECEIPT_SUBJECT.SUBJECT_ID, subject)
                    .set(ERASURE_RECEIPT_SUBJECT.RECEIPT_ID, receiptId)
                    .onConflictDoNothing().execute();
        }
        events.publish(new ErasureCompleted(person.tenantId(), receiptId, erasedSubjects, keptSubjects, channel, now));
        log.info("Erasure request carried out: tenant={} receipt={} subjects={} kept={}", person.tenantId(), receiptId,
                erasedSubjects.size(), keptSubjects.size());
        return receipt;
    }

    /** One item per category of the record (no values). */
    private static List<ErasureReceipt.Item> items(HeldRecord record, String reason) {
        Set<String> categories = new LinkedHashSet<>();
        record.fields().stream().map(HeldRecord.Field::categoryId).filter(Objects::nonNull).forEach(categories::add);
        if (categories.isEmpty()) {
            categories.add(null);
        }
        return categories.stream().map(c -> new ErasureReceipt.Item(record.source(), record.type(), record.recordId(),
                c, reason)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ErasureReceipt> receiptOf(Person person) {
        return db.select(ERASURE_RECEIPT.ITEMS).from(ERASURE_RECEIPT_SUBJECT).join(ERASURE_RECEIPT)
                .on(ERASURE_RECEIPT.RECEIPT_ID.eq(ERASURE_RECEIPT_SUBJECT.RECEIPT_ID))
                .where(ERASURE_RECEIPT_SUBJECT.TENANT_ID.eq(person.tenantId()),
                        ERASURE_RECEIPT_SUBJECT.SUBJECT_ID.in(person.subjectIds()))
                .orderBy(ERASURE_RECEIPT.ERASED_AT).limit(1)
                .fetchOptional(ERASURE_RECEIPT.ITEMS)
                .map(json -> {
                    try {
                        return JSON.readValue(json, ErasureReceipt.class);
                    } catch (JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }
}
