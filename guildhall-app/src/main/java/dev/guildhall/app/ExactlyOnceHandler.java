package dev.guildhall.app;

import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.core.port.HandlerUnavailable;
import dev.guildhall.store.StoreFailures;
import dev.guildhall.core.port.Bus;
import dev.guildhall.store.ledger.EnvelopeLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handling of one envelope, exactly once in effect. The dispatcher cuts it into units (an interaction is one; any
 * other event is one per module that handles it), and each unit runs inside its own database transaction that also
 * records the unit's id and the actions it produced. Actions whose result a module needs are executed during the run
 * under ids derived from the unit's, so a re-run gets the same answers; the others are delivered only after the
 * commit. A redelivered envelope re-runs only the units that did not commit (one module's failure repeats no other
 * module's effects) and delivers the stored actions of the others again, which the outbox executes at most once.
 */
final class ExactlyOnceHandler implements Bus.EnvelopeHandler {
    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceHandler.class);

    private final EnvelopeLedger ledger;
    private final GuildConfigStore configs;
    private final ActionOutbox outbox;
    private final Dispatcher dispatcher;
    private final DatabaseBreaker breaker;

    ExactlyOnceHandler(EnvelopeLedger ledger, GuildConfigStore configs, ActionOutbox outbox, Dispatcher dispatcher,
                       DatabaseBreaker breaker) {
        this.ledger = ledger;
        this.configs = configs;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.breaker = breaker;
    }

    @Override
    public void handle(Envelope envelope) throws Exception {
        // The dispatcher reads the guild's configuration before any unit runs: read it through the breaker first, so
        // an unreachable database holds the envelope (HandlerUnavailable) instead of counting a failed delivery, and
        // an open breaker holds it without waiting for a connection. The dispatcher then finds it in the cache.
        breaker.call(() -> configs.find(envelope.guild()));
        try {
            dispatcher.dispatch(envelope, unit -> runOnce(envelope, unit));
        } catch (HandlerUnavailable e) {
            throw e;
        } catch (Exception e) {
            if (StoreFailures.isUnavailable(e)) throw new HandlerUnavailable("the database is unreachable", e);
            throw e;
        }
    }

    private void runOnce(Envelope envelope, Dispatcher.Unit unit) throws Exception {
        EnvelopeLedger.Outcome outcome = breaker.call(() -> ledger.process(envelope.guild(), unit.id(), () -> {
            try (ActionOutbox.Collecting collecting = outbox.collect(unit.id())) {
                unit.run();
                return collecting.actions();
            }
        }));
        if (!outcome.handledNow()) {
            log.info("unit {} of guild {} was handled before; delivering its {} stored action(s) again",
                    unit.id(), envelope.guild(), outcome.actions().size());
        }
        outbox.deliver(envelope.guild(), unit.id(), outcome.actions());
    }
}
