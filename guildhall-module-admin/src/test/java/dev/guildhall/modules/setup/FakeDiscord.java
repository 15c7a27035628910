package dev.guildhall.modules.setup;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.core.port.DiscordPort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory Discord for unit tests: one guild's channels and roles, every action recorded, failures injectable. */
final class FakeDiscord implements DiscordPort {
    final GuildId guild;
    final Map<Long, String> channels = new HashMap<>();
    final Map<Long, String> roles = new HashMap<>();
    final Map<Long, Long> rolePermissions = new HashMap<>();
    final List<Action> actions = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final Map<Class<?>, Integer> failures = new HashMap<>();
    boolean botInGuild = true;

    FakeDiscord(GuildId guild) {
        this.guild = guild;
    }

    void failNext(Class<? extends Action> kind, int times) {
        failures.put(kind, times);
    }

    <A extends Action> List<A> actions(Class<A> kind) {
        return actions.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    @Override
    public synchronized ActionResult execute(Action action) {
        int left = failures.getOrDefault(action.getClass(), 0);
        if (left > 0) {
            failures.put(action.getClass(), left - 1);
            throw new DiscordCallException(DiscordCallException.Kind.SERVER_ERROR, "injected failure");
        }
        actions.add(action);
        return switch (action) {
            case Action.CreateTextChannel create -> {
                long id = ids.incrementAndGet();
                channels.put(id, create.name());
                yield ActionResult.created(id);
            }
            case Action.CreateRole create -> {
                long id = ids.incrementAndGet();
                roles.put(id, create.name());
                yield ActionResult.created(id);
            }
            case Action.DeleteChannel delete -> {
                if (channels.remove(delete.channel().value()) == null) {
                    throw new DiscordCallException(DiscordCallException.Kind.NOT_FOUND, "Unknown Channel");
                }
                yield ActionResult.NONE;
            }
            case Action.DeleteRole delete -> {
                if (roles.remove(delete.role().value()) == null) {
                    throw new DiscordCallException(DiscordCallException.Kind.NOT_FOUND, "Unknown Role");
                }
                yield ActionResult.NONE;
            }
            case Action.SendMessage send -> ActionResult.created(ids.incrementAndGet());
            default -> ActionResult.NONE;
        };
    }

    @Override
    public synchronized Optional<GuildSnapshot> guild(GuildId id) {
        if (!botInGuild || !id.equals(guild)) return Optional.empty();
        return Optional.of(new GuildSnapshot(guild, "Fake guild",
                channels.entrySet().stream().map(e -> new GuildSnapshot.Channel(ChannelId.of(e.getKey()), e.getValue())).toList(),
                roles.entrySet().stream().map(e -> new GuildSnapshot.Role(RoleId.of(e.getKey()), e.getValue(),
                        rolePermissions.getOrDefault(e.getKey(), 0L))).toList()));
    }
}
