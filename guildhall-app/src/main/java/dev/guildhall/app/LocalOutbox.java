package dev.guildhall.app;

import dev.guildhall.bus.nats.ActionCodec;
import dev.guildhall.bus.nats.OutboundAction;
import dev.guildhall.bus.nats.RemoteDiscord;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.store.ledger.ExecutedActions;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Standalone's outbox, in front of its own Discord connection, so that standalone handles envelopes through the same
 * ledger transactions as a worker. While a unit runs on the calling thread, its n-th action gets the id
 * {@code <unit id>/<n>}. Actions whose result the module needs are executed at once, and their results kept by id, so
 * a unit re-run after a failure gets the same channel, role or message back instead of creating a second; the others
 * are only collected, stored with the unit's record and executed after the commit. Each executed stored action is
 * recorded ({@link ExecutedActions}), so delivering the same stored actions again executes none of them twice.
 *
 * <p>The results of immediate actions are kept in memory until their unit commits: a unit that failed and is retried
 * in this process reuses them; after a crash, a re-run unit would create such an object again.
 *
 * <p>An answer to an interaction that Discord no longer takes (this process did not see it arrive, or its token
 * expired) never will be taken: it is logged, counted and recorded as settled, so it is not tried again.
 */
final class LocalOutbox implements DiscordPort, ActionOutbox {
    private static final Logger log = LoggerFactory.getLogger(LocalOutbox.class);
    private final DiscordPort discord;
    private final ExecutedActions executed;
    private final ActionCodec codec = new ActionCodec();
    private final ThreadLocal<Unit> units = new ThreadLocal<>();
    private final Map<String, ActionResult> immediateResults = new ConcurrentHashMap<>();
    private final Counter unanswerable;

    LocalOutbox(DiscordPort discord, ExecutedActions executed, MeterRegistry metrics) {
        this.discord = discord;
        this.executed = executed;
        this.unanswerable = Counter.builder("guildhall.interactions.unanswerable")
                .description("answers to interactions Discord no longer took, given up").register(metrics);
    }

    @Override
    public ActionResult execute(Action action) throws DiscordCallException {
        Unit unit = units.get();
        if (unit == null) return discord.execute(action);
        String id = unit.id + "/" + (++unit.asked);
        if (!RemoteDiscord.needsResult(action)) {
            unit.collected.add(new String(codec.encode(new OutboundAction(id, action)), StandardCharsets.UTF_8));
            return ActionResult.NONE;
        }
        ActionResult known = immediateResults.get(id);
        if (known != null) return known;
        ActionResult result = discord.execute(action);
        immediateResults.put(id, result);
        return result;
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        return discord.guild(guild);
    }

    @Override
    public Collecting collect(String unitId) {
        if (units.get() != null) {
            throw new IllegalStateException("unit " + units.get().id + " still collects actions on this thread");
        }
        Unit unit = new Unit(unitId);
        units.set(unit);
        return unit;
    }

    /**
     * Executes the committed unit's stored actions that were not executed yet, recording each right after Discord
     * answered; the unit's immediate results are no longer needed, as a committed unit never runs again.
     */
    @Override
    public void deliver(GuildId guild, String unitId, List<String> stored) {
        deliverCounting(guild, unitId, stored);
    }

    /** As {@link #deliver}, returning how many actions it executed now (given-up answers included). */
    int deliverCounting(GuildId guild, String unitId, List<String> stored) {
        immediateResults.keySet().removeIf(id -> id.startsWith(unitId + "/"));
        int done = 0;
        for (String text : stored) {
            OutboundAction action = codec.decodeOutbound(text.getBytes(StandardCharsets.UTF_8));
            if (executed.wasExecuted(guild, action.id())) continue;
            try {
                discord.execute(action.action());
            } catch (DiscordCallException e) {
                if (e.kind() != DiscordCallException.Kind.INTERACTION_EXPIRED) throw e;
                // the message names the interaction by id, never its token
                log.warn("action {} of guild {} is given up: {}", action.id(), guild, e.getMessage());
                unanswerable.increment();
            }
            executed.record(guild, action.id());
            done++;
        }
        return done;
    }

    private final class Unit implements Collecting {
        private final String id;
        private final List<String> collected = new ArrayList<>();
        private int asked;

        private Unit(String id) {
            this.id = id;
        }

        @Override
        public List<String> actions() {
            return List.copyOf(collected);
        }

        @Override
        public void close() {
            if (units.get() == this) units.remove();
        }
    }
}
