package dev.guildhall.core.module;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.InteractionEvent;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.DiscordPort;

import java.time.Clock;
import java.util.Optional;

/** What a module handler gets with each event: the envelope, the guild's config, the invoker's level, Discord. */
public record ModuleContext(Envelope envelope, Optional<GuildConfig> config, PermissionLevel invokerLevel,
                            DiscordPort discord, Clock clock) {

    public GuildId guild() {
        return envelope.guild();
    }

    public ActionResult act(Action action) {
        return discord.execute(action);
    }

    public void reply(InteractionEvent event, MessageContent message, boolean ephemeral) {
        act(new Action.Reply(guild(), event.interaction(), message, ephemeral));
    }

    public void replyEphemeral(InteractionEvent event, String text) {
        reply(event, MessageContent.text(text), true);
    }
}
