package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.dispatch.Dispatcher;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.CommandSyncStore;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.DispatchObserver;
import dev.guildhall.core.port.GuildConfigStore;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One set-up guild behind the real dispatcher (so levels are checked as in production), its config and command hashes
 * kept in memory. Frolf's fixtures build on it; ids for envelopes and interactions come from one counter.
 */
public final class GuildDispatch {
    private final GuildId guild;
    private final Clock clock;
    private final Map<GuildId, GuildConfig> configs = new HashMap<>();
    private final AtomicLong ids = new AtomicLong(1);
    private final Dispatcher dispatcher;

    public GuildDispatch(GuildConfig config, GuildModule module, DiscordPort discord, Clock clock) {
        this.guild = config.guild();
        this.clock = clock;
        configs.put(guild, config);
        GuildConfigStore configStore = new GuildConfigStore() {
            @Override public Optional<GuildConfig> find(GuildId guild) { return Optional.ofNullable(configs.get(guild)); }
            @Override public void save(GuildConfig config) { configs.put(config.guild(), config); }
            @Override public int purgeDeletedBefore(Instant cutoff) { return 0; }
            @Override public List<GuildId> enabling(String moduleId) {
                return configs.values().stream().filter(c -> c.enabledModules().contains(moduleId))
                        .map(GuildConfig::guild).toList();
            }
        };
        CommandSyncStore syncs = new CommandSyncStore() {
            private final Map<GuildId, String> hashes = new HashMap<>();
            @Override public Optional<String> lastHash(GuildId guild) { return Optional.ofNullable(hashes.get(guild)); }
            @Override public void recordHash(GuildId guild, String hash) { hashes.put(guild, hash); }
            @Override public void forget(GuildId guild) { hashes.remove(guild); }
        };
        ModuleRegistry registry = new ModuleRegistry(List.of(module));
        dispatcher = new Dispatcher(registry, configStore, discord, clock, DispatchObserver.NONE,
                new CommandSync(registry, syncs, discord));
    }

    /** The guild's config as stored now. */
    public GuildConfig config() {
        return configs.get(guild);
    }

    /** The next id from the counter shared by envelopes and interactions. */
    public long nextId() {
        return ids.incrementAndGet();
    }

    public void dispatch(GuildEvent event) {
        try {
            dispatcher.dispatch(new Envelope("e" + nextId(), guild, 0, clock.instant(), event, Map.of()));
        } catch (Exception e) {
            throw new AssertionError("dispatch failed", e);
        }
    }
}
