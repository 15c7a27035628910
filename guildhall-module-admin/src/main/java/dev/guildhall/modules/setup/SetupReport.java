package dev.guildhall.modules.setup;

import dev.guildhall.core.guild.GuildConfig;

/** The outcome of a setup run: the stored configuration and whether this was the guild's first complete setup. */
public record SetupReport(GuildConfig config, boolean firstSetup) {}
