package dev.guildhall.modules.frolf;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.core.settings.SettingsRejected;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Frolf's defaults overlaid with a map per guild; a write runs the module's own checks (the schema is the store's). */
final class InMemorySettings implements ModuleSettingsStore {
    private static final Map<String, Object> DEFAULTS = Map.of("timezone", "UTC", "default_location", "",
            "reminder_lead_minutes", 60L, "max_tag", 100L);
    private final Map<GuildId, Map<String, Object>> overrides = new HashMap<>();

    @Override
    public synchronized ModuleSettings load(GuildId guild, GuildModule module) {
        Map<String, Object> merged = new HashMap<>(DEFAULTS);
        merged.putAll(overrides.getOrDefault(guild, Map.of()));
        return new ModuleSettings(merged);
    }

    @Override
    public synchronized ModuleSettings set(GuildId guild, GuildModule module, String key, String value) {
        Map<String, Object> next = new HashMap<>(load(guild, module).values());
        next.put(key, value.matches("-?\\d+") ? (Object) Long.parseLong(value) : value);
        List<String> problems = module.checkSettings(new ModuleSettings(next));
        if (!problems.isEmpty()) throw new SettingsRejected(problems);
        overrides.computeIfAbsent(guild, g -> new HashMap<>()).put(key, next.get(key));
        return new ModuleSettings(next);
    }
}
