package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Records every action; sent messages get fresh ids, and edits of messages marked deleted fail as Discord's 404 does. */
final class RecordingDiscord implements DiscordPort {
    final List<Action> actions = new ArrayList<>();
    final Set<Long> deletedMessages = new HashSet<>();
    /** When set, every edit fails as a Discord outage would. */
    boolean failEdits;
    private final AtomicLong ids = new AtomicLong(800_000);

    <A extends Action> List<A> actions(Class<A> kind) {
        return actions.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <A extends Action> A last(Class<A> kind) {
        List<A> all = actions(kind);
        if (all.isEmpty()) throw new AssertionError("no " + kind.getSimpleName() + " among " + actions);
        return all.getLast();
    }

    void clear() {
        actions.clear();
    }

    @Override
    public synchronized ActionResult execute(Action action) {
        actions.add(action);
        return switch (action) {
            case Action.SendMessage send -> ActionResult.created(ids.incrementAndGet());
            case Action.EditMessage edit when deletedMessages.contains(edit.message().value()) ->
                    throw new DiscordCallException(DiscordCallException.Kind.NOT_FOUND, "Unknown Message");
            case Action.EditMessage edit when failEdits ->
                    throw new DiscordCallException(DiscordCallException.Kind.SERVER_ERROR, "Discord is down");
            default -> ActionResult.NONE;
        };
    }

    @Override
    public Optional<GuildSnapshot> guild(GuildId guild) {
        return Optional.empty();
    }
}
