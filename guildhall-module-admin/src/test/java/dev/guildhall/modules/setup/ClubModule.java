package dev.guildhall.modules.setup;

import dev.guildhall.core.command.CommandSpec;
import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleContext;
import dev.guildhall.core.module.ResourceSpec;

import java.util.ArrayList;
import java.util.List;

/** A feature module for setup's tests: three channels and a role of its own, and a record of its lifecycle hooks. */
final class ClubModule implements GuildModule {
    static final String ID = "club";
    static final ResourceSpec.Channel EVENTS = ResourceSpec.channel("club.events", "events");
    final List<GuildId> enabledIn = new ArrayList<>();
    final List<GuildId> purged = new ArrayList<>();

    @Override public String id() { return ID; }
    @Override public String description() { return "a club"; }
    @Override public String version() { return "1"; }
    @Override public List<CommandSpec> commands() {
        return List.of(CommandSpec.of("club", "club things", PermissionLevel.PLAYER));
    }

    @Override
    public List<ResourceSpec> resources() {
        return List.of(EVENTS, ResourceSpec.channel("club.leaderboard", "leaderboard"),
                ResourceSpec.channel("club.signup", "signup"), ResourceSpec.role("club.captain", "Club Captain"));
    }

    @Override public void enabled(ModuleContext context) { enabledIn.add(context.guild()); }
    @Override public void purgeGuild(GuildId guild) { purged.add(guild); }
    @Override public void handle(ModuleContext context, GuildEvent event) { }
}
