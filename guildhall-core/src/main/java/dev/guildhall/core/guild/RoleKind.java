package dev.guildhall.core.guild;

import dev.guildhall.core.command.PermissionLevel;

import java.util.Locale;

/** The platform's roles, which setup manages for every guild; each grants one permission level. */
public enum RoleKind {
    PLAYER(PermissionLevel.PLAYER), EDITOR(PermissionLevel.EDITOR), ADMIN(PermissionLevel.ADMIN);

    private final PermissionLevel level;

    RoleKind(PermissionLevel level) {
        this.level = level;
    }

    public PermissionLevel level() {
        return level;
    }

    /** The key of this role in {@link GuildConfig#roles()}: one word, unlike a module's {@code module.name} keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
