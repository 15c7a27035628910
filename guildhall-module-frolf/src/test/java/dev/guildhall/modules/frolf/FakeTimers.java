package dev.guildhall.modules.frolf;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.Timers;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Timers kept in a map; {@link #due} hands out the ones whose time has come, in time order, and forgets them. */
final class FakeTimers implements Timers {
    record Key(GuildId guild, String name, String key) {}

    record Due(Key key, Instant at) {}

    final Map<Key, Instant> pending = new LinkedHashMap<>();

    @Override
    public synchronized void schedule(GuildId guild, String name, String key, Instant at) {
        pending.put(new Key(guild, name, key), at);
    }

    @Override
    public synchronized void cancel(GuildId guild, String name, String key) {
        pending.remove(new Key(guild, name, key));
    }

    Optional<Instant> at(GuildId guild, String name, String key) {
        return Optional.ofNullable(pending.get(new Key(guild, name, key)));
    }

    synchronized List<Due> due(Instant now) {
        List<Due> due = pending.entrySet().stream().filter(e -> !e.getValue().isAfter(now))
                .map(e -> new Due(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(Due::at)).toList();
        due.forEach(d -> pending.remove(d.key()));
        return due;
    }
}
