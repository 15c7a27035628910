package dev.guildhall.app;

import dev.guildhall.bus.nats.CacheInvalidation;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.discord.DiscordConnection;
import dev.guildhall.modules.setup.SetupException;
import dev.guildhall.modules.setup.SetupReport;
import dev.guildhall.modules.setup.SetupService;
import dev.guildhall.store.Store;
import dev.guildhall.store.timers.DurableTimers;
import dev.guildhall.store.timers.TimerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The same setup as {@code /setup}, run from a shell against the configured Discord and database. When
 * {@code NATS_URL} is set (a distributed deployment), the workers are then told over NATS to drop their cached copy
 * of the guild's configuration, as a worker's own write does.
 */
@Command(name = "setup", description = "Set up a guild: create or adopt its channels and roles, sync its commands.")
final class SetupCommand implements Callable<Integer> {
    private final Main main;

    @Parameters(index = "0", paramLabel = "GUILD_ID", description = "The guild's id.")
    String guildId;

    @Option(names = "--prefix", description = "Channel prefix (default: the guild's current one, else frolf).")
    Optional<String> prefix = Optional.empty();

    @Option(names = "--player-role") Optional<String> playerRole = Optional.empty();
    @Option(names = "--editor-role") Optional<String> editorRole = Optional.empty();
    @Option(names = "--admin-role") Optional<String> adminRole = Optional.empty();

    SetupCommand(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() throws Exception {
        AppConfig config = AppConfig.fromEnvironment(main.env());
        if (config.discord().token().isEmpty()) {
            throw new ConfigException("DISCORD_TOKEN", "setup from the command line needs the bot's token "
                    + "(in the sandbox, run /setup from its page instead)");
        }
        GuildId guild = GuildId.parse(guildId);
        Clock clock = Clock.systemUTC();
        try (Store store = Store.open(config.store(), clock);
             // never started: timers set here are stored, and fire once the bot runs
             DurableTimers timers = DurableTimers.create(store.dataSource(), clock, TimerSettings.defaults(), e -> { });
             DiscordConnection discord = DiscordConnection.connect(Standalone.settingsFor(config), envelope -> { })) {
            discord.awaitReady(Duration.ofSeconds(60));
            Set<GuildId> changed = ConcurrentHashMap.newKeySet();
            store.onGuildDataChanged(changed::add);
            Modules modules = Modules.wire(store, discord.port(), timers, clock);
            SetupService service = modules.setup();
            SetupSettings current = service.currentSettings(guild);
            SetupSettings wanted = new SetupSettings(prefix.orElse(current.prefix()),
                    playerRole.orElse(current.playerRole()), editorRole.orElse(current.editorRole()),
                    adminRole.orElse(current.adminRole()));
            SetupReport report;
            try {
                report = service.run(guild, wanted);
                service.announceEnabled(operatorContext(guild, report.config(), discord, clock), report.config(),
                        modules.registry().enabledIn(report.config()));
            } catch (SetupException e) {
                main.out().println("Setup of guild " + guild + " failed: " + e.getMessage());
                return 1;
            } finally {
                announce(config, changed);
            }
            new CommandSync(modules.registry(), store.commandSyncs(), discord.port())
                    .ensureSynced(guild, Optional.of(report.config()));
            main.out().println("Guild " + guild + " is set up with prefix '" + report.config().settings().prefix()
                    + "': " + report.config().channels().size() + " channels, " + report.config().roles().size()
                    + " roles.");
            return 0;
        }
    }

    /** What the modules see of a setup run from the shell: an operator with the Admin level, no interaction. */
    private static ModuleContext operatorContext(GuildId guild, GuildConfig config, DiscordConnection discord,
                                                 Clock clock) {
        Envelope envelope = new Envelope("cli-setup:" + guild + ":" + clock.millis(), guild, 0, clock.instant(),
                new GuildEvent.GuildJoined(""), Map.of());
        return new ModuleContext(envelope, Optional.of(config), PermissionLevel.ADMIN, discord.port(), clock);
    }

    /** A failed setup may have written part of the configuration, so this runs whatever the outcome. */
    private void announce(AppConfig config, Set<GuildId> changed) {
        if (changed.isEmpty() || !main.env().containsKey("NATS_URL")) return;
        try {
            CacheInvalidation.announceOnce(config.bus().natsUrl(), config.environment(), changed);
        } catch (IllegalStateException | UncheckedIOException e) {
            main.out().println("Warning: " + e.getMessage() + "; workers see the change when their cached copy "
                    + "expires (within 10 minutes).");
        }
    }
}
