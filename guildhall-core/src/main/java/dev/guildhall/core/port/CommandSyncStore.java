package dev.guildhall.core.port;

import dev.guildhall.core.id.GuildId;

import java.util.Optional;

/** Remembers the hash of the command set last written to Discord for each guild. */
public interface CommandSyncStore {

    Optional<String> lastHash(GuildId guild);

    void recordHash(GuildId guild, String hash);

    /** Drops what is known of the guild's commands in Discord, so that the next sync writes them. */
    void forget(GuildId guild);
}
