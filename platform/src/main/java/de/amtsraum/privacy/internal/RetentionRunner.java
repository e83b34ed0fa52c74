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
     */
    @Override
    public int runDue() {
        int executed = 0;
        Set<Long> failed = new HashSet<>();
        List<Long> due;
        do {
            due = schedule.due(failed);
            for (long id : due) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> schedule.run(id)))) {
                        executed++;
                    }
                } catch (RuntimeException failure) {
                    failed.add(id);
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
