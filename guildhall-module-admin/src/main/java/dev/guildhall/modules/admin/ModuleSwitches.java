package dev.guildhall.modules.admin;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.modules.setup.SetupException;
import dev.guildhall.modules.setup.SetupService;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** {@code /modules}: which modules a guild has on, and switching them. Answers are the text of the reply. */
final class ModuleSwitches {
    private final GuildConfigStore configs;
    private final Supplier<List<GuildModule>> modules;
    private final SetupService setup;

    ModuleSwitches(GuildConfigStore configs, Supplier<List<GuildModule>> modules, SetupService setup) {
        this.configs = configs;
        this.modules = modules;
        this.setup = setup;
    }

    String list(GuildConfig config) {
        StringBuilder out = new StringBuilder("Modules in this server:");
        for (GuildModule module : modules.get()) {
            String state = !module.canBeDisabled() ? "always on"
                    : config.enabledModules().contains(module.id()) ? "enabled" : "disabled";
            out.append("\n• **").append(module.id()).append("** ").append(module.version()).append(" (").append(state)
                    .append("): ").append(module.description());
        }
        return out.toString();
    }

    /** Switches the module on, creates or adopts the resources it declares, and tells it it is enabled. */
    String enable(ModuleContext context, GuildConfig config, String id, Clock clock) {
        Optional<GuildModule> module = find(id);
        if (module.isEmpty()) return unknown(id);
        if (!module.get().canBeDisabled()) return "**" + id + "** is always on.";
        if (config.enabledModules().contains(id)) return "**" + id + "** is already enabled.";
        Set<String> enabled = new HashSet<>(config.enabledModules());
        enabled.add(id);
        GuildConfig next = config.withEnabledModules(enabled, clock.instant());
        configs.save(next);
        try {
            next = setup.ensureResources(next, module.get());
            setup.announceEnabled(context, next, List.of(module.get()));
        } catch (SetupException e) {
            return "Enabled **" + id + "**, but its channels and roles are not all there: " + e.getMessage();
        }
        return "Enabled **" + id + "**: its commands are being added to this server.";
    }

    String disable(GuildConfig config, String id, Clock clock) {
        Optional<GuildModule> module = find(id);
        if (module.isEmpty()) return unknown(id);
        if (!module.get().canBeDisabled()) {
            return "**" + id + "** cannot be disabled: Guildhall needs it to manage this server.";
        }
        if (!config.enabledModules().contains(id)) return "**" + id + "** is already disabled.";
        Set<String> enabled = new HashSet<>(config.enabledModules());
        enabled.remove(id);
        configs.save(config.withEnabledModules(enabled, clock.instant()));
        return "Disabled **" + id + "**: its commands are being removed from this server, and it ignores its events. "
                + "Its data and settings are kept for when it is enabled again.";
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
