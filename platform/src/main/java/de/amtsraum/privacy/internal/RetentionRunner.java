package de.amtsraum.privacy.internal;

import de.amtsraum.privacy.RetentionDeadlines;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs due retention deadlines: right after start (catching up on downtime) and then every
 * {@code amtsraum.privacy.retention-interval}. Each batch is one transaction: the shred, its event
 * and the deadline's completion commit together or not at all.
 */
@Component
class RetentionRunner implements RetentionDeadlines {

    private final RetentionSchedule schedule;
    private final TransactionTemplate transactions;

    RetentionRunner(RetentionSchedule schedule, TransactionTemplate transactions) {
        this.schedule = schedule;
        this.transactions = transactions;
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        runDue();
    }

    @Scheduled(fixedDelayString = "${amtsraum.privacy.retention-interval:PT1M}",
            initialDelayString = "${amtsraum.privacy.retention-interval:PT1M}")
    void onSchedule() {
        runDue();
    }

    /** Runs everything due now; returns the number of deadlines executed. */
    @Override
    public int runDue() {
        int total = 0;
        Integer batch;
        do {
            batch = transactions.execute(status -> schedule.runDueBatch());
            total += batch == null ? 0 : batch;
        } while (batch != null && batch > 0);
        return total;
    }
}
