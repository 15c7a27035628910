package dev.guildhall.app;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.id.GuildId;

import java.util.Optional;

/** Single-guild development mode ({@code DISCORD_GUILD_ID}): events of every other guild are ignored. */
record GuildFilter(Optional<GuildId> only) {
    boolean accepts(Envelope envelope) {
        return only.map(envelope.guild()::equals).orElse(true);
    }
}
