package dev.guildhall.modules.frolf.signup;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;

/** The guild's signup message, where it was posted and the emoji it asks for. */
public record SignupMessage(GuildId guild, ChannelId channel, MessageId message, String emoji) {}
