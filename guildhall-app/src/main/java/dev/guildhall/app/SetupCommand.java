package dev.guildhall.app;

import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.GuildId;
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

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** The same setup as {@code /setup}, run from a shell against the configured Discord and database. */
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
    @Option(names = "--signup-message") Optional<String> signupMessage = Optional.empty();
    @Option(names = "--signup-emoji") Optional<String> signupEmoji = Optional.empty();

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
            Modules modules = Modules.wire(store, discord.port(), timers, clock);
            SetupService service = modules.setup();
            SetupSettings current = service.currentSettings(guild);
            SetupSettings wanted = new SetupSettings(prefix.orElse(current.prefix()),
                    playerRole.orElse(current.playerRole()), editorRole.orElse(current.editorRole()),
                    adminRole.orElse(current.adminRole()), signupMessage.orElse(current.signupMessage()),
                    signupEmoji.orElse(current.signupEmoji()));
            SetupReport report;
            try {
                report = service.run(guild, wanted);
            } catch (SetupException e) {
                main.out().println("Setup of guild " + guild + " failed: " + e.getMessage());
                return 1;
            }
            new CommandSync(modules.registry(), store.commandSyncs(), discord.port())
                    .ensureSynced(guild, Optional.of(report.config()));
            main.out().println("Guild " + guild + " is set up with prefix '" + report.config().settings().prefix()
                    + "': " + report.config().channels().size() + " channels, " + report.config().roles().size()
                    + " roles.");
            return 0;
        }
    }
}
