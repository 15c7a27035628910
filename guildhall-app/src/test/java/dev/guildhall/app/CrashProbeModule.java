package dev.guildhall.app;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.OptionSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.module.ModuleEnvironment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A module for the crash tests, on in every guild (set up or not), with tables of its own. {@code /crash n:N} writes
 * row N in two tables in its unit's transaction, posts "crash N" in the channel (executed at once, its id needed),
 * reacts to that message and answers (both stored, delivered after the commit); when N is a multiple of three it also
 * sets timer {@code crash} with key N, {@link #TIMER_LEAD} ahead, whose firing writes row N in a third table.
 */
final class CrashProbeModule implements GuildModule {
    static final Duration TIMER_LEAD = Duration.ofSeconds(2);
    static final String REACTION = "✅";
    /** Named after the module, as a timer must be to reach it. */
    static final String TIMER = "crashprobe:crash";
    private static final List<CommandSpec> COMMANDS = List.of(new CommandSpec("crash", "Writes two rows and posts",
            PermissionLevel.EVERYONE, List.of(OptionSpec.of("n", "the command's number", OptionSpec.Type.INTEGER, true))));

    private final ModuleEnvironment environment;

    CrashProbeModule(ModuleEnvironment environment) {
        this.environment = environment;
    }

    static boolean setsTimer(long n) {
        return n % 3 == 0;
    }

    @Override public String id() { return "crashprobe"; }
    @Override public String description() { return "Writes rows and posts (tests only)"; }
    @Override public String version() { return "1"; }
    @Override public List<CommandSpec> commands() { return COMMANDS; }
    @Override public List<CommandSpec> commandsBeforeSetup() { return COMMANDS; }
    @Override public boolean canBeDisabled() { return false; }
    @Override public Optional<String> migrations() { return Optional.of("db/modules/crashprobe"); }

    @Override
    public void handle(ModuleContext context, GuildEvent event) throws SQLException {
        switch (event) {
            case InteractionEvent.SlashCommand slash when slash.name().equals("crash") -> {
                long n = Long.parseLong(slash.option("n").orElseThrow());
                insert("INSERT INTO crash_probe_order (guild_id, n) VALUES (?, ?)", context.guild(), n);
                insert("INSERT INTO crash_probe_receipt (guild_id, n) VALUES (?, ?)", context.guild(), n);
                if (setsTimer(n)) {
                    environment.timers().schedule(context.guild(), TIMER, Long.toString(n),
                            environment.clock().instant().plus(TIMER_LEAD));
                }
                var channel = slash.interaction().channel();
                MessageId posted = MessageId.of(context.act(new Action.SendMessage(context.guild(), channel,
                        MessageContent.text("crash " + n))).requireCreatedId());
                context.act(new Action.AddReaction(context.guild(), channel, posted, REACTION));
                context.replyEphemeral(slash, "crashed " + n);
            }
            case GuildEvent.TimerFired timer when timer.name().equals(TIMER) -> {
                try (Connection connection = environment.database().getConnection();
                     PreparedStatement insert = connection.prepareStatement(
                             "INSERT INTO crash_probe_timer (guild_id, n, fired_at) VALUES (?, ?, ?)")) {
                    insert.setLong(1, context.guild().value());
                    insert.setLong(2, Long.parseLong(timer.key()));
                    insert.setLong(3, environment.clock().millis());
                    insert.executeUpdate();
                }
            }
            default -> { }
        }
    }

    private void insert(String sql, GuildId guild, long n) throws SQLException {
        // the envelope's transaction's connection: closing it here leaves it to the transaction
        try (Connection connection = environment.database().getConnection();
             PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setLong(1, guild.value());
            insert.setLong(2, n);
            insert.executeUpdate();
        }
    }
}
