package dev.guildhall.modules.frolf;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.DiscordPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Records every action; messages, threads and scheduled events get fresh ids. */
public final class FakeDiscord implements DiscordPort {
    final List<Action> actions = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(900_000);

    public <A extends Action> List<A> actions(Class<A> kind) {
        return actions.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <A extends Action> A last(Class<A> kind) {
        List<A> all = actions(kind);
        if (all.isEmpty()) throw new AssertionError("no " + kind.getSimpleName() + " among " + actions);
        return all.getLast();
    }

    @Override
    public synchronized ActionResult execute(Action action) {
        actions.add(action);
        return switch (action) {
            case Action.SendMessage send -> ActionResult.created(ids.incrementAndGet());
            case Action.StartThread thread -> ActionResult.created(ids.incrementAndGet());
            case Action.CreateScheduledEvent event -> ActionResult.created(ids.incrementAndGet());
            default -> ActionResult.NONE;
        };
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        return Optional.empty();
    }
}
