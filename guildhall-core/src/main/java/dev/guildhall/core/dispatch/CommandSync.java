package dev.guildhall.core.dispatch;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.command.CommandSet;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.CommandSyncStore;
import dev.guildhall.core.port.DiscordPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Keeps a guild's commands in Discord equal to what its configuration calls for, with one bulk overwrite, and only
 * when the set's hash differs from the one last written: a restart with nothing changed writes nothing.
 */
public final class CommandSync {
    private static final Logger log = LoggerFactory.getLogger(CommandSync.class);

    private final ModuleRegistry registry;
    private final CommandSyncStore store;
    private final DiscordPort discord;

    public CommandSync(ModuleRegistry registry, CommandSyncStore store, DiscordPort discord) {
        this.registry = registry;
        this.store = store;
        this.discord = discord;
    }

    /** Writes the guild's command set if it changed; returns whether a write happened. */
    public boolean ensureSynced(GuildId guild, Optional<GuildConfig> config) {
        CommandSet wanted = registry.commandSet(config);
        String hash = wanted.hash();
        if (store.lastHash(guild).filter(hash::equals).isPresent()) return false;
        discord.execute(new Action.SyncGuildCommands(guild, wanted.commands()));
        store.recordHash(guild, hash);
        log.info("synced {} commands for guild {}: {}", wanted.commands().size(), guild, wanted.names());
        return true;
    }

    /** After the bot left a guild, what Discord holds is unknown: the next join writes the set again. */
    public void forget(GuildId guild) {
        store.forget(guild);
    }
}
