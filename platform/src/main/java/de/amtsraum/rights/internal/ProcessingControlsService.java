package de.amtsraum.rights.internal;

import de.amtsraum.privacy.HeldRecord;
import de.amtsraum.privacy.SubjectRecordChanges;
import de.amtsraum.privacy.SubjectRecords;
import de.amtsraum.rights.ObjectionRecorded;
import de.amtsraum.rights.Person;
import de.amtsraum.rights.ProcessingControls;
import de.amtsraum.rights.ProcessingRestricted;
import de.amtsraum.rights.RequestChannel;
import de.amtsraum.rights.RestrictionLifted;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restriction, objection, correction and withdrawal for one person. Restriction, lift and objection
 * are non-aggregate events published through the event gateway (as {@code PrivacyNoticePublished});
 * the subscribing {@link RestrictionProjection} writes the table in the same transaction.
 * Corrections and withdrawals go to the context holding the record ({@link SubjectRecordChanges}),
 * after checking through {@link SubjectRecords} that the record belongs to one of the person's subjects.
 */
@Service
class ProcessingControlsService implements ProcessingControls {

    static final int MAX_GROUNDS = 4000;
    private static final Logger log = LoggerFactory.getLogger(ProcessingControlsService.class);

    private final EventGateway events;
    private final JooqProcessingRestrictions restrictions;
    private final List<SubjectRecords> sources;
    private final List<SubjectRecordChanges> changes;
    private final Clock clock;

    ProcessingControlsService(@Lazy EventGateway events, JooqProcessingRestrictions restrictions,
                              List<SubjectRecords> sources, List<SubjectRecordChanges> changes, Clock clock) {
        this.events = events;
        this.restrictions = restrictions;
        this.sources = sources;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void restrict(Person person, RequestChannel channel) {
        List<String> subjects = subjects(person);
        if (restrictions.allUnder(person.tenantId(), subjects, RestrictionProjection.Kind.RESTRICTION)) {
            return;
        }
        String id = UUID.randomUUID().toString();
        events.publish(new ProcessingRestricted(person.tenantId(), id, subjects, channel, clock.instant()));
        log.info("Processing restricted ({}) for {} subjects of tenant {} via {}", id, subjects.size(),
                person.tenantId(), channel);
    }

    @Override
    @Transactional
    public void liftRestriction(Person person, RequestChannel channel) {
        List<String> subjects = subjects(person);
        if (!restrictions.anyInForce(person.tenantId(), subjects)) {
            return;
        }
        String id = UUID.randomUUID().toString();
        events.publish(new RestrictionLifted(person.tenantId(), id, subjects, channel, clock.instant()));
        log.info("Restriction lifted ({}) for {} subjects of tenant {} via {}", id, subjects.size(),
                person.tenantId(), channel);
    }

    @Override
    @Transactional
    public void object(Person person, String grounds, RequestChannel channel) {
        String text = grounds == null ? "" : grounds.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("rights.controls.error.groundsMissing");
        }
        if (text.length() > MAX_GROUNDS) {
            throw new IllegalArgumentException("rights.controls.error.groundsTooLong");
        }
        String objectionId = UUID.randomUUID().toString();
        events.publish(new ObjectionRecorded(person.tenantId(), objectionId, UUID.randomUUID().toString(),
                subjects(person), text, channel, clock.instant()));
        log.info("Objection {} recorded for tenant {} via {}", objectionId, person.tenantId(), channel);
    }

    @Override
    public void correct(Person person, String source, String recordId, Map<String, String> values,
                        RequestChannel channel) {
        HeldRecord record = recordOf(person, source, recordId);
        changesOf(source).correct(person.tenantId(), record.subjectId(), recordId, values);
        log.info("Record {} of source {} corrected for tenant {} via {}", recordId, source, person.tenantId(),
                channel);
    }

    @Override
    public void withdrawConsent(Person person, String source, String recordId, RequestChannel channel) {
        HeldRecord record = recordOf(person, source, recordId);
        changesOf(source).withdrawConsent(person.tenantId(), record.subjectId(), recordId);
        log.info("Consent of record {} of source {} withdrawn for tenant {} via {}", recordId, source,
                person.tenantId(), channel);
    }

    @Override
    public Status status(Person person) {
        List<String> subjects = subjects(person);
        Instant restricted = restrictions.inForceSince(person.tenantId(), subjects,
                RestrictionProjection.Kind.RESTRICTION);
        Instant objected = restrictions.inForceSince(person.tenantId(), subjects, RestrictionProjection.Kind.OBJECTION);
        return new Status(restricted, objected);
    }

    /** The person's record of this source, found among their subjects only: another's record is unknown. */
    private HeldRecord recordOf(Person person, String source, String recordId) {
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException("rights.controls.error.unknownRecord");
        }
        return sources.stream().filter(s -> s.source().equals(source)).findFirst()
                .map(s -> s.recordsOf(person.tenantId(), person.subjectIds()))
                .orElse(List.of()).stream()
                .filter(r -> r.recordId().equals(recordId) && person.subjectIds().contains(r.subjectId()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rights.controls.error.unknownRecord"));
    }

    private SubjectRecordChanges changesOf(String source) {
        return changes.stream().filter(c -> c.source().equals(source)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("rights.controls.error.notChangeable"));
    }

    private static List<String> subjects(Person person) {
        if (person.subjectIds() == null || person.subjectIds().isEmpty()) {
            throw new IllegalArgumentException("rights.controls.error.noSubjects");
        }
        return person.subjectIds().stream().sorted().toList();
    }
}
