package de.amtsraum.privacy.internal;

import de.amtsraum.privacy.RetentionDeadlines;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due retention deadlines: right after start (catching up on downtime) and then every
 * {@code amtsraum.privacy.retention-interval}. Each deadline is one transaction: the shred, its event
 * and the deadline's completion commit together or not at all.
 */
@Component
class RetentionRunner implements RetentionDeadlines {

    private static final Logger log = LoggerFactory.getLogger(RetentionRunner.class);

    private final RetentionSchedule schedule;
    private final TransactionTemplate transactions;

    @Override
    public List<Pending> pendingFor(String tenantId, Set<String> subjectIds) {
        return schedule.pendingFor(tenantId, subjectIds);
    }

    RetentionRunner(RetentionSchedule schedule, TransactionTemplate transactions) {
        this.schedule = schedule;
        this.transactions = transactions;
    }

    /** Catch-up after start; a failing deadline is logged and retried later, it never stops the start. */
    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        runDue();
    }

    @Scheduled(fixedDelayString = "${amtsraum.privacy.retention-interval:PT1M}",
            initialDelayString = "${amtsraum.privacy.retention-interval:PT1M}")
    void onSchedule() {
        runDue();
    }

    /**
     * Runs everything due now, each deadline in its own transaction, so one failing deadline (logged
     * without personal data, retried at the next run) holds up no other. Returns how many ran.
     *
     * <p>A deadline that another instance holds ({@code SKIP LOCKED} gave nothing) or has just done is
     * left out for the rest of this pass, like a failed one: otherwise the pass would list it again and
     * again while the other instance's transaction is open — a busy loop on the scheduler thread that,
     * with a hung peer connection, would not end. The next pass looks at it again (ADR 0027).
     */
    @Override
    public int runDue() {
        int executed = 0;
        Set<Long> skip = new HashSet<>();
        List<Long> due;
        do {
            due = schedule.due(skip);
            for (long id : due) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> schedule.run(id)))) {
                        executed++;
                    } else {
                        skip.add(id);
                    }
                } catch (RuntimeException failure) {
                    skip.add(id);
                    log.error("Retention deadline {} failed ({}); it is retried at the next run", id,
                            failure.getClass().getSimpleName());
                }
            }
        } while (!due.isEmpty());
        if (executed > 0) {
            log.info("Retention: {} deadline(s) executed", executed);
        }
        return executed;
    }
}
