package de.amtsraum.moderation.internal;

import static de.amtsraum.readmodel.jooq.Tables.CITIZEN_BLOCK;

import de.amtsraum.moderation.BlockException;
import de.amtsraum.moderation.BlockException.Reason;
import de.amtsraum.moderation.BlockOrder;
import de.amtsraum.moderation.CitizenBlocked;
import de.amtsraum.moderation.CitizenBlocks;
import de.amtsraum.privacy.PersonalDataCipher;
import de.amtsraum.privacy.Redaction;
import de.amtsraum.readmodel.jooq.tables.records.CitizenBlockRecord;
import de.amtsraum.shared.privacy.DataKind;
import de.amtsraum.tenancy.TenantDirectory;
import de.amtsraum.tenancy.UnknownTenantException;
import de.amtsraum.tenancy.manifest.TenantManifest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The blocking use cases; blocks run in the caller's transaction (the caller ends the appointment in it). */
@Service
class BlockService implements CitizenBlocks {

    private final TenantDirectory tenants;
    private final CommandGateway commands;
    private final EventStore events;
    private final DSLContext db;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    BlockService(TenantDirectory tenants, CommandGateway commands, EventStore events, DSLContext db,
                 PersonalDataCipher cipher, Clock clock) {
        this.tenants = tenants;
        this.commands = commands;
        this.events = events;
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public boolean offered(String tenantId) {
        return tenants.manifest(tenantId).flatMap(m -> m.categoryFor(DataKind.ABUSE_EVIDENCE)).isPresent();
    }

    @Override
    public void requireOffered(String tenantId) {
        tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        if (!offered(tenantId)) {
            throw new BlockException(Reason.NOT_OFFERED);
        }
    }

    @Override
    @Transactional
    public BlockView block(String tenantId, String addressIndex, BlockOrder order, Evidence evidence) {
        requireOffered(tenantId);
        if (addressIndex == null) {
            throw new BlockException(Reason.ADDRESS_ERASED);
        }
        TenantManifest manifest = tenants.manifest(tenantId).orElseThrow(UnknownTenantException::new);
        Instant now = clock.instant();
        Instant until = order.permanent() ? null
                : now.atZone(manifest.timeZone()).plus(order.period()).toInstant();
        String blockId = UUID.randomUUID().toString();
        commands.sendAndWait(new BlockCommands.Block(tenantId, blockId, UUID.randomUUID().toString(), addressIndex,
                evidence.source(), order.duration(), order.reason(), order.screenshot(), order.screenshotType(),
                evidence.appointmentId(), evidence.appointmentStart() == null ? null : evidence.appointmentStart().toString(),
                evidence.sessionId(), evidence.ipAddress(), now, until));
        return get(tenantId, blockId);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isBlocked(String tenantId, String addressIndex, Instant at) {
        return addressIndex != null
                && db.fetchExists(CITIZEN_BLOCK, CITIZEN_BLOCK.TENANT_ID.eq(tenantId),
                CITIZEN_BLOCK.ADDRESS_INDEX.eq(addressIndex), inForce(at));
    }

    @Override
    @Transactional(readOnly = true)
    public List<BlockView> active(String tenantId) {
        requireOffered(tenantId);
        Instant now = clock.instant();
        return db.selectFrom(CITIZEN_BLOCK).where(CITIZEN_BLOCK.TENANT_ID.eq(tenantId), inForce(now))
                .orderBy(CITIZEN_BLOCK.BLOCKED_AT.desc()).fetch(r -> view(r, now));
    }

    @Override
    @Transactional(readOnly = true)
    public List<BlockView> activeFor(String tenantId, String addressIndex) {
        if (addressIndex == null || !offered(tenantId)) {
            return List.of();
        }
        Instant now = clock.instant();
        return db.selectFrom(CITIZEN_BLOCK).where(CITIZEN_BLOCK.TENANT_ID.eq(tenantId),
                        CITIZEN_BLOCK.ADDRESS_INDEX.eq(addressIndex), inForce(now))
                .orderBy(CITIZEN_BLOCK.BLOCKED_AT.desc()).fetch(r -> view(r, now));
    }

    @Override
    @Transactional(readOnly = true)
    public BlockView get(String tenantId, String blockId) {
        requireOffered(tenantId);
        Instant now = clock.instant();
        return db.selectFrom(CITIZEN_BLOCK)
                .where(CITIZEN_BLOCK.TENANT_ID.eq(tenantId), CITIZEN_BLOCK.BLOCK_ID.eq(blockId))
                .fetchOptional(r -> view(r, now))
                .orElseThrow(() -> new BlockException(Reason.UNKNOWN_BLOCK));
    }

    @Override
    @Transactional
    public boolean lift(String tenantId, String blockId) {
        get(tenantId, blockId);
        try {
            return Boolean.TRUE.equals(commands.sendAndWait(new BlockCommands.Lift(tenantId, blockId, clock.instant())));
        } catch (AggregateNotFoundException unknown) {
            throw new BlockException(Reason.UNKNOWN_BLOCK);
        }
    }

    /** Read from the block's first event, opened by the serializer ({@code [gelöscht]} once shredded). */
    @Override
    @Transactional(readOnly = true)
    public Optional<Screenshot> screenshot(String tenantId, String blockId) {
        get(tenantId, blockId);
        return events.readEvents(blockId).asStream()
                .map(message -> message.getPayload())
                .filter(CitizenBlocked.class::isInstance).map(CitizenBlocked.class::cast)
                .filter(e -> e.tenantId().equals(tenantId))
                .filter(e -> e.screenshot() != null && !Redaction.VALUE.equals(e.screenshot()))
                .findFirst()
                .map(e -> new Screenshot(e.screenshotType(), Base64.getDecoder().decode(e.screenshot())));
    }

    private static Condition inForce(Instant at) {
        return CITIZEN_BLOCK.LIFTED_AT.isNull()
                .and(CITIZEN_BLOCK.BLOCKED_UNTIL.isNull().or(CITIZEN_BLOCK.BLOCKED_UNTIL.gt(utc(at))));
    }

    private BlockView view(CitizenBlockRecord r, Instant now) {
        Instant until = r.getBlockedUntil() == null ? null : r.getBlockedUntil().toInstant();
        Instant lifted = r.getLiftedAt() == null ? null : r.getLiftedAt().toInstant();
        boolean active = lifted == null && (until == null || until.isAfter(now));
        return new BlockView(r.getBlockId(), r.getSource(), r.getBlockedAt().toInstant(), until, lifted,
                cipher.open(r.getTenantId(), r.getEvidenceSubjectId(), "reason", r.getReason()),
                Boolean.TRUE.equals(r.getHasScreenshot()), active);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

}
