package dev.guildhall.modules.setup;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.CommandSyncStore;
import dev.guildhall.core.port.GuildConfigStore;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Map-backed stores for unit tests; the SQL stores have their own contract tests. */
final class InMemoryStores implements GuildConfigStore, CommandSyncStore {
    final Map<GuildId, GuildConfig> configs = new ConcurrentHashMap<>();
    final Map<GuildId, String> hashes = new ConcurrentHashMap<>();

    @Override public Optional<GuildConfig> find(GuildId guild) { return Optional.ofNullable(configs.get(guild)); }

    @Override public void save(GuildConfig config) { configs.put(config.guild(), config); }

    @Override public int purgeDeletedBefore(Instant cutoff) {
        int before = configs.size();
        configs.values().removeIf(c -> c.deletedAt().map(at -> at.isBefore(cutoff)).orElse(false));
        return before - configs.size();
    }

    @Override public java.util.List<GuildId> enabling(String moduleId) {
        return configs.values().stream().filter(c -> c.deletedAt().isEmpty() && c.enabledModules().contains(moduleId))
                .map(GuildConfig::guild).toList();
    }

    @Override public Optional<String> lastHash(GuildId guild) { return Optional.ofNullable(hashes.get(guild)); }

    @Override public void recordHash(GuildId guild, String hash) { hashes.put(guild, hash); }

    @Override public void forget(GuildId guild) { hashes.remove(guild); }
}
