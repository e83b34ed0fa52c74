package de.amtsraum.moderation.internal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import de.amtsraum.moderation.BlockException;
import de.amtsraum.moderation.BlockLifted;
import de.amtsraum.moderation.CitizenBlocked;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One block. Rules: lifted once, and only while it lasts; a block that has ended stays ended. */
@Aggregate
class CitizenBlock {

    @AggregateIdentifier
    private String blockId;
    private String tenantId;
    private Instant blockedUntil;
    private boolean lifted;

    protected CitizenBlock() {
        // for Axon
    }

    @CommandHandler
    CitizenBlock(BlockCommands.Block c) {
        apply(new CitizenBlocked(c.tenantId(), c.blockId(), c.evidenceSubjectId(), c.addressIndex(), c.source(),
                c.duration(), c.reason(), c.screenshot(), c.screenshotType(), c.appointmentId(), c.appointmentStart(),
                c.sessionId(), c.ipAddress(), c.blockedAt(), c.blockedUntil()));
    }

    @CommandHandler
    boolean handle(BlockCommands.Lift command) {
        if (!tenantId.equals(command.tenantId())) {
            throw new BlockException(BlockException.Reason.UNKNOWN_BLOCK);
        }
        if (lifted || (blockedUntil != null && !command.at().isBefore(blockedUntil))) {
            return false;
        }
        apply(new BlockLifted(tenantId, blockId, command.at()));
        return true;
    }

    @EventSourcingHandler
    void on(CitizenBlocked event) {
        blockId = event.blockId();
        tenantId = event.tenantId();
        blockedUntil = event.blockedUntil();
    }

    @EventSourcingHandler
    void on(BlockLifted event) {
        lifted = true;
    }
}
