package dev.guildhall.app;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.settings.ModuleSettingsStore;

import java.util.List;

/**
 * A module for tests of exactly-once handling: on every event it adds one to {@code count} in its settings and posts
 * its name in {@link #CHANNEL} (and, when {@code reacts}, reacts to that message); its first {@code failures} runs
 * then throw, after all of that.
 */
final class CountingModule implements GuildModule {
    static final ChannelId CHANNEL = ChannelId.of(9);

    private final String id;
    private final ModuleSettingsStore settings;
    private final boolean reacts;
    private volatile int failures;
    volatile int attempts;

    CountingModule(String id, ModuleSettingsStore settings, int failures, boolean reacts) {
        this.id = id;
        this.settings = settings;
        this.failures = failures;
        this.reacts = reacts;
    }

    @Override public String id() { return id; }
    @Override public String description() { return "counts events"; }
    @Override public String version() { return "1"; }
    @Override public List<CommandSpec> commands() { return List.of(); }
    @Override public boolean canBeDisabled() { return false; }

    @Override
    public String settingsSchema() {
        return "{\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"count\":{\"type\":\"integer\"}}}";
    }

    @Override
    public void handle(ModuleContext context, GuildEvent event) {
        attempts++;
        settings.set(context.guild(), this, "count", Long.toString(count(context.guild()) + 1));
        var posted = context.act(new Action.SendMessage(context.guild(), CHANNEL, MessageContent.text(id)));
        if (reacts) {
            context.act(new Action.AddReaction(context.guild(), CHANNEL, MessageId.of(posted.requireCreatedId()), "👍"));
        }
        if (failures > 0) {
            failures--;
            throw new IllegalStateException(id + " fails on attempt " + attempts);
        }
    }

    /** The count stored for the guild. */
    long count(dev.guildhall.core.id.GuildId guild) {
        return settings.load(guild, this).value("count").map(v -> ((Number) v).longValue()).orElse(0L);
    }
}
