package dev.guildhall.modules.admin;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.CommandSyncStore;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.core.settings.SettingsRejected;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Fakes for the admin module's tests: Discord records actions, stores live in maps. */
final class AdminFakes {
    private AdminFakes() {}

    static final class Discord implements DiscordPort {
        final List<Action> actions = new ArrayList<>();

        @Override public synchronized ActionResult execute(Action action) {
            actions.add(action);
            return ActionResult.NONE;
        }

        @Override public Optional<GuildSnapshot> guild(GuildId guild) { return Optional.empty(); }

        synchronized <T extends Action> List<T> actions(Class<T> kind) {
            return actions.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }

    static final class Stores implements GuildConfigStore, CommandSyncStore {
        final Map<GuildId, GuildConfig> configs = new ConcurrentHashMap<>();
        final Map<GuildId, String> hashes = new ConcurrentHashMap<>();

        @Override public Optional<GuildConfig> find(GuildId guild) { return Optional.ofNullable(configs.get(guild)); }
        @Override public void save(GuildConfig config) { configs.put(config.guild(), config); }
        @Override public int purgeDeletedBefore(Instant cutoff) { return 0; }
        @Override public java.util.List<GuildId> enabling(String moduleId) {
            return configs.values().stream().filter(c -> c.enabledModules().contains(moduleId)).map(GuildConfig::guild)
                    .toList();
        }
        @Override public Optional<String> lastHash(GuildId guild) { return Optional.ofNullable(hashes.get(guild)); }
        @Override public void recordHash(GuildId guild, String hash) { hashes.put(guild, hash); }
        @Override public void forget(GuildId guild) { hashes.remove(guild); }
    }

    /** Settings per guild and module; accepts whole numbers 1..10 for "size" and refuses anything else. */
    static final class Settings implements ModuleSettingsStore {
        final Map<String, Map<String, Object>> stored = new HashMap<>();

        @Override public ModuleSettings load(GuildId guild, GuildModule module) {
            Map<String, Object> values = new HashMap<>(module.id().equals("dice") ? Map.of("size", 6L) : Map.of());
            values.putAll(stored.getOrDefault(guild.value() + "/" + module.id(), Map.of()));
            return new ModuleSettings(values);
        }

        @Override public ModuleSettings set(GuildId guild, GuildModule module, String key, String value) {
            if (!module.id().equals("dice") || !key.equals("size")) {
                throw new SettingsRejected(List.of(key + ": is not a setting of " + module.id()));
            }
            long size;
            try {
                size = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new SettingsRejected(List.of("size: must be a whole number"));
            }
            if (size < 1 || size > 10) throw new SettingsRejected(List.of("size: must be at most 10"));
            stored.computeIfAbsent(guild.value() + "/" + module.id(), k -> new HashMap<>()).put(key, size);
            return load(guild, module);
        }
    }

    /** A feature module with one command, which records the events it sees. */
    static final class Dice implements GuildModule {
        final List<GuildEvent> seen = new ArrayList<>();

        @Override public String id() { return "dice"; }
        @Override public String description() { return "Rolls dice"; }
        @Override public String version() { return "0.1.0"; }
        @Override public List<CommandSpec> commands() {
            return List.of(CommandSpec.of("roll", "Roll a die", dev.guildhall.core.command.PermissionLevel.EVERYONE));
        }
        @Override public void handle(ModuleContext context, GuildEvent event) { seen.add(event); }
    }
}
