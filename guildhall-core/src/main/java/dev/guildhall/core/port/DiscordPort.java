package dev.guildhall.core.port;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.id.GuildId;

import java.util.Optional;

/** The outgoing port to Discord: execute an action, or look at a guild's channels and roles. */
public interface DiscordPort {

    /** Executes the action and waits for Discord's answer. */
    ActionResult execute(Action action) throws DiscordCallException;

    /** The guild as the connection sees it now; empty when the bot is not in it. */
    Optional<GuildSnapshot> guild(GuildId guild);
}
