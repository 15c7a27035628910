package dev.guildhall.modules.frolf.tags;

import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.MessageId;

/** The message in the leaderboard channel that the bot keeps current. */
public record LeaderboardMessage(ChannelId channel, MessageId message) {}
