package dev.guildhall.app;

import dev.guildhall.modules.setup.SetupService;
import dev.guildhall.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Daily clean-up of what is kept only for a while: soft-deleted guild configurations ({@link SetupService#RETENTION})
 * and, in worker mode, the ledger of handled envelopes (long past any redelivery). Once at start, then daily.
 */
final class Retention {
    static final Duration PROCESSED_ENVELOPES = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private Retention() {}

    static AutoCloseable daily(Store store, Clock clock, boolean ledger) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        scheduler.scheduleAtFixedRate(() -> {
            try {
                int purged = store.guildConfigs().purgeDeletedBefore(clock.instant().minus(SetupService.RETENTION));
                if (purged > 0) log.info("purged {} guild configurations deleted over 30 days ago", purged);
                if (ledger) {
                    int envelopes = store.envelopeLedger().purgeProcessedBefore(clock.instant().minus(PROCESSED_ENVELOPES));
                    if (envelopes > 0) log.info("purged {} handled-envelope records older than 7 days", envelopes);
                }
            } catch (RuntimeException e) {
                log.warn("daily retention clean-up failed; retried tomorrow", e);
            }
        }, 0, 1, TimeUnit.DAYS);
        return scheduler::shutdownNow;
    }
}
