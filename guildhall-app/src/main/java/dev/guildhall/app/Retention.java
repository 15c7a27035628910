package dev.guildhall.app;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.modules.setup.SetupService;
import dev.guildhall.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Daily clean-up of what is kept only for a while: every guild soft-deleted over {@link SetupService#RETENTION} ago
 * loses all its data (each module's, through its {@code purgeGuild} hook, then the platform's), and, in worker mode,
 * the ledger of handled envelopes (long past any redelivery) is trimmed. Once at start, then daily.
 */
final class Retention {
    static final Duration PROCESSED_ENVELOPES = Duration.ofDays(7);
    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private Retention() {}

    static AutoCloseable daily(Store store, Supplier<ModuleRegistry> registry, Clock clock, boolean ledger) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
        scheduler.scheduleAtFixedRate(() -> {
            try {
                runOnce(store, registry.get(), clock, ledger);
            } catch (RuntimeException e) {
                log.warn("daily retention clean-up failed; retried tomorrow", e);
            }
        }, 0, 1, TimeUnit.DAYS);
        return scheduler::shutdownNow;
    }

    /** One pass; returns how many guilds lost their data. A guild whose purge fails is tried again next time. */
    static int runOnce(Store store, ModuleRegistry registry, Clock clock, boolean ledger) {
        List<GuildId> gone = store.guildsDeletedBefore(clock.instant().minus(SetupService.RETENTION));
        int purged = 0;
        for (GuildId guild : gone) {
            try {
                for (GuildModule module : registry.all()) module.purgeGuild(guild);
                store.purgeGuild(guild);
                purged++;
            } catch (RuntimeException e) {
                log.warn("could not delete the data of guild {}, gone over 30 days; retried tomorrow", guild, e);
            }
        }
        if (purged > 0) log.info("deleted the data of {} guild(s) gone over 30 days", purged);
        if (ledger) {
            int envelopes = store.envelopeLedger().purgeProcessedBefore(clock.instant().minus(PROCESSED_ENVELOPES));
            if (envelopes > 0) log.info("purged {} handled-envelope records older than 7 days", envelopes);
            store.executedActions().purgeExecutedBefore(clock.instant().minus(PROCESSED_ENVELOPES));
        }
        return purged;
    }
}
