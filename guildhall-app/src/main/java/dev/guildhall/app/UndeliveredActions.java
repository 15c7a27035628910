package dev.guildhall.app;

import dev.guildhall.bus.nats.ActionCodec;
import dev.guildhall.store.ledger.EnvelopeLedger;
import dev.guildhall.store.ledger.ExecutedActions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Standalone executes the actions its units stored only after their commit, so a crash between the two leaves
 * committed work whose messages, reactions or answers Discord never saw. At start-up, before timers fire, this
 * delivers the stored actions of the units of the last {@link #WINDOW} that have any action not recorded as executed,
 * skipping the executed ones. Older units are left alone: posting an hour-old effect is rarely what a guild wants, and
 * the sweep stays a bounded read. An answer to an interaction of the previous process cannot be given any more; the
 * outbox logs, counts and settles it.
 */
final class UndeliveredActions {
    static final Duration WINDOW = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(UndeliveredActions.class);

    /** What one sweep found and did. */
    record Sweep(int units, int executed, int failedUnits) {}

    private UndeliveredActions() {}

    /**
     * Delivers what the units committed since {@code clock.instant() - WINDOW} stored and did not execute. A unit
     * whose delivery fails (Discord unreachable, say) is logged and left for the next start-up.
     */
    static Sweep deliver(EnvelopeLedger ledger, ExecutedActions executed, LocalOutbox outbox, Clock clock,
                         MeterRegistry metrics) {
        Counter redelivered = Counter.builder("guildhall.actions.redelivered")
                .description("stored actions of committed units executed at start-up, after a crash").register(metrics);
        Instant since = clock.instant().minus(WINDOW);
        // an action executes after its unit's claim, so every execution of these units is at or after `since`
        Set<ExecutedActions.Executed> done = executed.executedSince(since);
        ActionCodec codec = new ActionCodec();
        int units = 0;
        int actions = 0;
        int failed = 0;
        for (EnvelopeLedger.StoredUnit unit : ledger.storedActionsSince(since)) {
            if (allDone(unit, done, codec)) continue;
            units++;
            try {
                int now = outbox.deliverCounting(unit.guild(), unit.envelopeId(), unit.actions());
                actions += now;
                redelivered.increment(now);
            } catch (RuntimeException e) {
                failed++;
                log.warn("could not deliver the stored actions of unit {} of guild {}; tried again at the next start",
                        unit.envelopeId(), unit.guild(), e);
            }
        }
        if (units > 0) {
            log.info("delivered {} stored action(s) of {} committed unit(s) that a stop interrupted ({} failed)",
                    actions, units, failed);
        }
        return new Sweep(units, actions, failed);
    }

    private static boolean allDone(EnvelopeLedger.StoredUnit unit, Set<ExecutedActions.Executed> done,
                                   ActionCodec codec) {
        for (String text : unit.actions()) {
            String id = codec.decodeOutbound(text.getBytes(StandardCharsets.UTF_8)).id();
            if (!done.contains(new ExecutedActions.Executed(unit.guild(), id))) return false;
        }
        return true;
    }
}
