package dev.guildhall.bus.nats;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A gateway's Discord for relay tests: records every attempt and every success, hands out increasing ids for what an
 * action creates, and fails or holds chosen actions on request.
 */
final class RecordingDiscord implements DiscordPort {
    private final List<Action> attempts = new CopyOnWriteArrayList<>();
    private final List<Action> executed = new CopyOnWriteArrayList<>();
    private final Map<Action, Failure> failures = new ConcurrentHashMap<>();
    private final Map<GuildId, GuildSnapshot> guilds = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(900_000_000_000_000L);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    private record Failure(DiscordCallException.Kind kind, AtomicInteger left) {}

    /** The next {@code times} attempts of this action fail with {@code kind}. */
    RecordingDiscord failing(Action action, DiscordCallException.Kind kind, int times) {
        failures.put(action, new Failure(kind, new AtomicInteger(times)));
        return this;
    }

    RecordingDiscord holding(GuildSnapshot snapshot) {
        guilds.put(snapshot.id(), snapshot);
        return this;
    }

    /** Every execution waits until the returned latch is counted down. */
    CountDownLatch hold() {
        CountDownLatch latch = new CountDownLatch(1);
        gate = latch;
        return latch;
    }

    @Override
    public ActionResult execute(Action action) {
        attempts.add(action);
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("the test never released the gate");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Failure failure = failures.get(action);
        if (failure != null && failure.left().getAndDecrement() > 0) {
            throw new DiscordCallException(failure.kind(), "scripted " + failure.kind() + " for " + action.getClass().getSimpleName());
        }
        executed.add(action);
        return RemoteDiscord.needsResult(action) ? ActionResult.created(ids.incrementAndGet()) : ActionResult.NONE;
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        return Optional.ofNullable(guilds.get(guild));
    }

    List<Action> attempts() {
        return List.copyOf(attempts);
    }

    List<Action> executed() {
        return List.copyOf(executed);
    }

    long lastCreatedId() {
        return ids.get();
    }
}
