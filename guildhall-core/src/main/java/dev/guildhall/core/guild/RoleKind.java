package dev.guildhall.core.guild;

import dev.guildhall.core.command.PermissionLevel;

/** The roles setup manages; each grants one permission level. */
public enum RoleKind {
    PLAYER(PermissionLevel.PLAYER), EDITOR(PermissionLevel.EDITOR), ADMIN(PermissionLevel.ADMIN);

    private final PermissionLevel level;

    RoleKind(PermissionLevel level) {
        this.level = level;
    }

    public PermissionLevel level() {
        return level;
    }
}
