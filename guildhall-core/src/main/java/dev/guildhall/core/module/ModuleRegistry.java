package dev.guildhall.core.module;

import dev.guildhall.core.command.CommandSet;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.guild.GuildConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The modules this process runs. It decides which modules are active in a guild and so which commands the guild gets:
 * before setup only the modules that cannot be disabled, with their pre-setup commands; after setup those plus every
 * enabled module, with their full commands. {@link #replace} swaps the whole set at once (a plugin loaded or
 * unloaded), after checking it; readers see the old set or the new one, never a mix.
 */
public final class ModuleRegistry {
    private volatile Map<String, GuildModule> modules;

    public ModuleRegistry(List<GuildModule> modules) {
        this.modules = checked(modules);
    }

    /**
     * Replaces every module at once.
     *
     * @throws IllegalArgumentException naming the clash when two modules share an id or a command name, or a
     *                                  resource key names another module; the registry is unchanged then
     */
    public void replace(List<GuildModule> modules) {
        this.modules = checked(modules);
    }

    private static Map<String, GuildModule> checked(List<GuildModule> list) {
        Map<String, GuildModule> modules = new LinkedHashMap<>();
        Map<String, String> commandOwners = new HashMap<>();
        for (GuildModule module : list) {
            if (modules.putIfAbsent(module.id(), module) != null) {
                throw new IllegalArgumentException("two modules share the id '" + module.id() + "'");
            }
            for (ResourceSpec resource : module.resources()) {
                if (!ResourceSpec.moduleOf(resource.key()).equals(module.id())) {
                    throw new IllegalArgumentException("module '" + module.id() + "' declares the resource '"
                            + resource.key() + "', whose key must start with '" + module.id() + ".'");
                }
            }
            List<CommandSpec> all = new ArrayList<>(module.commands());
            all.addAll(module.commandsBeforeSetup());
            for (CommandSpec command : all) {
                String owner = commandOwners.putIfAbsent(command.name(), module.id());
                if (owner != null && !owner.equals(module.id())) {
                    throw new IllegalArgumentException("/" + command.name() + " is offered by both '" + owner
                            + "' and '" + module.id() + "'");
                }
            }
        }
        return Collections.unmodifiableMap(modules);
    }

    public List<GuildModule> all() {
        return List.copyOf(modules.values());
    }

    public Optional<GuildModule> module(String id) {
        return Optional.ofNullable(modules.get(id));
    }

    /** Ids of the modules a guild gets enabled when it completes setup: all of them. */
    public List<String> defaultEnabled() {
        return modules.values().stream().filter(GuildModule::canBeDisabled).map(GuildModule::id).toList();
    }

    /** The modules active in a guild with this configuration, in registration order. */
    public List<GuildModule> active(Optional<GuildConfig> config) {
        boolean configured = config.map(GuildConfig::isConfigured).orElse(false);
        return modules.values().stream()
                .filter(m -> !m.canBeDisabled() || (configured && config.get().enabledModules().contains(m.id())))
                .toList();
    }

    /** The modules a configured guild has switched on (whether or not its setup is complete), in registration order. */
    public List<GuildModule> enabledIn(GuildConfig config) {
        return modules.values().stream()
                .filter(m -> m.canBeDisabled() && config.enabledModules().contains(m.id())).toList();
    }

    /** The commands of one active module in a guild with this configuration. */
    public List<CommandSpec> commandsOf(GuildModule module, Optional<GuildConfig> config) {
        boolean configured = config.map(GuildConfig::isConfigured).orElse(false);
        return configured ? module.commands() : module.commandsBeforeSetup();
    }

    /** The whole command set the guild should have in Discord. */
    public CommandSet commandSet(Optional<GuildConfig> config) {
        List<CommandSpec> commands = new ArrayList<>();
        for (GuildModule module : active(config)) commands.addAll(commandsOf(module, config));
        return new CommandSet(commands);
    }
}
