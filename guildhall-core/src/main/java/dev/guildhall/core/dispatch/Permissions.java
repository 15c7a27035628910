package dev.guildhall.core.dispatch;

import dev.guildhall.core.command.PermissionLevel;
import dev.guildhall.core.event.Invoker;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.id.RoleId;

import java.util.Optional;

/** The one place that decides a member's level in a guild: Administrator, else the highest setup role held. */
public final class Permissions {
    private Permissions() {}

    public static PermissionLevel levelOf(Invoker invoker, Optional<GuildConfig> config) {
        if (invoker.administrator()) return PermissionLevel.ADMIN;
        if (config.isEmpty() || !config.get().isConfigured()) return PermissionLevel.EVERYONE;
        PermissionLevel level = PermissionLevel.EVERYONE;
        for (RoleKind kind : RoleKind.values()) {
            Optional<ManagedResource> role = config.get().role(kind);
            if (role.isPresent() && invoker.hasRole(RoleId.of(role.get().id())) && kind.level().allows(level)) {
                level = kind.level();
            }
        }
        return level;
    }
}
