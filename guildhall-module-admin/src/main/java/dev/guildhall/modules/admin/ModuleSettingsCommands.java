package dev.guildhall.modules.admin;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.core.settings.SettingsRejected;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code /config}: a module's settings in one guild. A refused value is answered with the field and the rule. */
final class ModuleSettingsCommands {
    private final ModuleSettingsStore settings;
    private final Supplier<List<GuildModule>> modules;

    ModuleSettingsCommands(ModuleSettingsStore settings, Supplier<List<GuildModule>> modules) {
        this.settings = settings;
        this.modules = modules;
    }

    String get(GuildId guild, String moduleId, Optional<String> key) {
        Optional<GuildModule> module = find(moduleId);
        if (module.isEmpty()) return unknown(moduleId);
        Map<String, String> shown = settings.load(guild, module.get()).display();
        if (shown.isEmpty()) return "**" + module.get().id() + "** has no settings.";
        if (key.isPresent() && !key.get().isBlank()) {
            String wanted = key.get().strip();
            if (!shown.containsKey(wanted)) return noSuchKey(module.get(), wanted, shown);
            return "**" + module.get().id() + "** " + wanted + " = `" + shown.get(wanted) + "`";
        }
        return "Settings of **" + module.get().id() + "**:\n" + shown.entrySet().stream()
                .map(e -> "• " + e.getKey() + " = `" + e.getValue() + "`").collect(Collectors.joining("\n"));
    }

    String set(GuildId guild, String moduleId, String key, String value) {
        Optional<GuildModule> module = find(moduleId);
        if (module.isEmpty()) return unknown(moduleId);
        try {
            ModuleSettings saved = settings.set(guild, module.get(), key, value);
            return "Saved: **" + module.get().id() + "** " + key + " = `" + saved.display().get(key) + "`";
        } catch (SettingsRejected rejected) {
            return "Not saved. " + String.join("\n", rejected.problems());
        }
    }

    private static String noSuchKey(GuildModule module, String key, Map<String, String> shown) {
        return "**" + module.id() + "** has no setting '" + key + "'. Its settings: " + String.join(", ", shown.keySet())
                + ".";
    }

    private Optional<GuildModule> find(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return modules.get().stream().filter(m -> m.id().equals(wanted)).findFirst();
    }

    private String unknown(String id) {
        return "There is no module called '" + id + "'. Modules: "
                + modules.get().stream().map(GuildModule::id).collect(Collectors.joining(", ")) + ".";
    }
}
