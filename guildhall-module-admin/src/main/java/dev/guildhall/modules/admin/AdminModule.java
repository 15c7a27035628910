package dev.guildhall.modules.admin;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent.SlashCommand;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.modules.setup.SetupService;

import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A guild's own switchboard, for its admins: {@code /modules list|enable|disable} and {@code /config get|set}. Always
 * on once the guild is set up (it offers nothing before). Turning a module on or off edits the guild's enabled
 * modules; the dispatcher then re-syncs the guild's commands, and a disabled module's events stop reaching it.
 * Every answer is ephemeral: it is for the admin who asked.
 */
public final class AdminModule implements GuildModule {
    public static final String ID = "admin";

    static final CommandSpec MODULES = new CommandSpec("modules", "List, enable or disable this server's modules",
            PermissionLevel.ADMIN, List.of(
                    OptionSpec.subcommand("list", "Every module and whether it is on here", List.of()),
                    OptionSpec.subcommand("enable", "Turn a module on in this server", List.of(moduleOption())),
                    OptionSpec.subcommand("disable", "Turn a module off in this server", List.of(moduleOption()))));
    static final CommandSpec CONFIG = new CommandSpec("config", "Show or change a module's settings in this server",
            PermissionLevel.ADMIN, List.of(
                    OptionSpec.subcommand("get", "Show a module's settings", List.of(moduleOption(),
                            OptionSpec.of("key", "Only this setting", OptionSpec.Type.STRING, false))),
                    OptionSpec.subcommand("set", "Change one of a module's settings", List.of(moduleOption(),
                            OptionSpec.of("key", "The setting to change", OptionSpec.Type.STRING, true),
                            OptionSpec.of("value", "Its new value", OptionSpec.Type.STRING, true)))));

    private final ModuleSwitches switches;
    private final ModuleSettingsCommands settings;

    /**
     * @param modules every module this process runs, asked when needed: the registry is built after this module
     * @param setup   creates the resources of a module being enabled
     */
    public AdminModule(GuildConfigStore configs, ModuleSettingsStore settings, Supplier<List<GuildModule>> modules,
                       SetupService setup) {
        this.switches = new ModuleSwitches(configs, modules, setup);
        this.settings = new ModuleSettingsCommands(settings, modules);
    }

    private static OptionSpec moduleOption() {
        return OptionSpec.of("module", "The module's id, as /modules list shows it", OptionSpec.Type.STRING, true);
    }

    @Override public String id() { return ID; }

    @Override public String description() { return "Turn this server's modules on and off and change their settings"; }

    @Override public String version() { return "1.0.0"; }

    @Override public List<CommandSpec> commands() { return List.of(MODULES, CONFIG); }

    /** Only these besides its own commands and components. */
    @Override public Set<Class<? extends GuildEvent>> events() {
        return Set.of();
    }

    @Override public boolean canBeDisabled() { return false; }

    @Override
    public void handle(ModuleContext context, GuildEvent event) {
        if (!(event instanceof SlashCommand command)) return;
        if (!command.name().equals(MODULES.name()) && !command.name().equals(CONFIG.name())) return;
        Optional<GuildConfig> config = context.config().filter(GuildConfig::isConfigured);
        if (config.isEmpty()) {
            context.replyEphemeral(command, "Run /setup first: modules and settings are managed once the server is set up.");
            return;
        }
        String sub = command.subcommand().orElse("");
        String answer = switch (command.name() + " " + sub) {
            case "modules list" -> switches.list(config.get());
            case "modules enable" -> switches.enable(context, config.get(), option(command, "module"), context.clock());
            case "modules disable" -> switches.disable(config.get(), option(command, "module"), context.clock());
            case "config get" -> settings.get(context.guild(), option(command, "module"), command.option("key"));
            case "config set" -> settings.set(context.guild(), option(command, "module"), option(command, "key"),
                    option(command, "value"));
            default -> "Unknown subcommand: /" + command.name() + " " + sub;
        };
        context.replyEphemeral(command, answer);
    }

    private static String option(SlashCommand command, String name) {
        return command.option(name).map(String::strip).orElse("");
    }
}
