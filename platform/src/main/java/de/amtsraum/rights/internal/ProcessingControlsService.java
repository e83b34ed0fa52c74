package de.amtsraum.rights.internal;

import de.amtsraum.privacy.SubjectRecordChanges;
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
 * Corrections and withdrawals go to the context holding the record ({@link SubjectRecordChanges})
 * under one of the person's subjects; the context refuses records of other subjects.
 */
@Service
class ProcessingControlsService implements ProcessingControls {

    static final int MAX_GROUNDS = 4000;
    static final String UNKNOWN_RECORD = "rights.controls.error.unknownRecord";
    private static final Logger log = LoggerFactory.getLogger(ProcessingControlsService.class);

    private final EventGateway events;
    private final JooqProcessingRestrictions restrictions;
    private final List<SubjectRecordChanges> changes;
    private final Clock clock;

    ProcessingControlsService(@Lazy EventGateway events, JooqProcessingRestrictions restrictions,
                              List<SubjectRecordChanges> changes, Clock clock) {
        this.events = events;
        this.restrictions = restrictions;
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
        SubjectRecordChanges context = changesOf(source);
        onOwnRecord(person, recordId, subject -> context.correct(person.tenantId(), subject, recordId, values));
        log.info("Record {} of source {} corrected for tenant {} via {}", recordId, source, person.tenantId(),
                channel);
    }

    @Override
    public void withdrawConsent(Person person, String source, String recordId, RequestChannel channel) {
        SubjectRecordChanges context = changesOf(source);
        onOwnRecord(person, recordId, subject -> context.withdrawConsent(person.tenantId(), subject, recordId));
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

    /**
     * Runs the change under the subject of the person that holds the record. The context refuses a
     * record of another subject ({@value #UNKNOWN_RECORD}), so only the person's own record can change;
     * any other refusal (field, value, erased) is the answer.
     */
    private static void onOwnRecord(Person person, String recordId, java.util.function.Consumer<String> change) {
        if (recordId == null || recordId.isBlank()) {
            throw new IllegalArgumentException(UNKNOWN_RECORD);
        }
        for (String subject : subjects(person)) {
            try {
                change.accept(subject);
                return;
            } catch (IllegalArgumentException refused) {
                if (!UNKNOWN_RECORD.equals(refused.getMessage())) {
                    throw refused;
                }
            }
        }
        throw new IllegalArgumentException(UNKNOWN_RECORD);
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
