package dev.guildhall.app;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.settings.ModuleSettings;
import dev.guildhall.core.settings.ModuleSettingsStore;

import java.time.Duration;
import java.util.List;

/**
 * A module for the distributed tests, on in every guild (set up or not). Its effects are counters in its own module
 * settings, written through the real settings store inside the worker's per-envelope transaction, so handling an
 * envelope twice shows as a count too high and a lost one as a count too low.
 * <ul>
 *   <li>timer {@code probe} with key {@code n}: counts it under the worker that handled it ({@code by_NAME}), and as
 *       out of order ({@code disorder}) unless {@code n} is the last number seen plus one;</li>
 *   <li>timer {@code probe-fail}: throws while the worker runs with {@code broken} set (fixed by restarting without);</li>
 *   <li>{@code /probe}: counts it and answers with the count; {@code /probe-slow} first sleeps {@code slow};</li>
 *   <li>{@code /probe-set VALUE} and {@code /probe-get}: write and read a setting, for cache coherence.</li>
 * </ul>
 */
final class ProbeModule implements GuildModule {
    private static final List<CommandSpec> COMMANDS = List.of(
            CommandSpec.of("probe", "Counts this command", PermissionLevel.EVERYONE),
            CommandSpec.of("probe-slow", "Counts this command, slowly", PermissionLevel.EVERYONE),
            CommandSpec.of("probe-mark", "Changes the mark setting", PermissionLevel.EVERYONE),
            CommandSpec.of("probe-get", "Shows the mark setting", PermissionLevel.EVERYONE));

    /** The counters it keeps; {@code by_NAME} for the worker names the tests use. */
    private static final List<String> COUNTERS = List.of("count", "slow", "mark", "last", "disorder",
            "fixed", "by_w1", "by_w2", "by_w3");

    private final ModuleSettingsStore settings;
    private final String worker;
    private final boolean broken;
    private final Duration slow;

    ProbeModule(ModuleSettingsStore settings, String worker, boolean broken, Duration slow) {
        this.settings = settings;
        this.worker = worker;
        this.broken = broken;
        this.slow = slow;
    }

    @Override
    public String id() {
        return "probe";
    }

    @Override
    public String description() {
        return "Counts what it handles (tests only)";
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public List<CommandSpec> commands() {
        return COMMANDS;
    }

    @Override
    public List<CommandSpec> commandsBeforeSetup() {
        return COMMANDS;
    }

    @Override
    public boolean canBeDisabled() {
        return false;
    }

    @Override
    public String settingsSchema() {
        StringBuilder properties = new StringBuilder();
        for (String key : COUNTERS) {
            if (!properties.isEmpty()) properties.append(',');
            properties.append('"').append(key).append("\":{\"type\":\"integer\"}");
        }
        return "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{" + properties + "}}";
    }

    @Override
    public void handle(ModuleContext context, GuildEvent event) throws Exception {
        switch (event) {
            case GuildEvent.TimerFired timer when timer.name().equals("probe") -> numbered(context, Long.parseLong(timer.key()));
            case GuildEvent.TimerFired timer when timer.name().equals("probe:fail") -> {
                if (broken) throw new IllegalStateException("probe-fail handler is broken");
                add(context, "fixed", 1);
            }
            case InteractionEvent.SlashCommand slash when slash.name().equals("probe") ->
                    context.replyEphemeral(slash, "count " + add(context, "count", 1));
            case InteractionEvent.SlashCommand slash when slash.name().equals("probe-slow") -> {
                Thread.sleep(slow.toMillis());
                context.replyEphemeral(slash, "slow count " + add(context, "slow", 1));
            }
            case InteractionEvent.SlashCommand slash when slash.name().equals("probe-mark") ->
                    context.replyEphemeral(slash, "mark " + add(context, "mark", 1));
            case InteractionEvent.SlashCommand slash when slash.name().equals("probe-get") ->
                    context.replyEphemeral(slash, "mark is " + current(context).value("mark").orElse(0L));
            default -> { }
        }
    }

    private void numbered(ModuleContext context, long n) {
        ModuleSettings now = current(context);
        long last = now.value("last").map(v -> ((Number) v).longValue()).orElse(0L);
        if (n != last + 1) add(context, "disorder", 1);
        settings.set(context.guild(), this, "last", Long.toString(n));
        add(context, "by_" + worker, 1); // the sum over workers is how many were handled
    }

    private ModuleSettings current(ModuleContext context) {
        return settings.load(context.guild(), this);
    }

    private long add(ModuleContext context, String key, long amount) {
        long value = current(context).value(key).map(v -> ((Number) v).longValue()).orElse(0L) + amount;
        settings.set(context.guild(), this, key, Long.toString(value));
        return value;
    }
}
