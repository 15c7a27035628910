package dev.guildhall.core.command;

/**
 * Who may run a command or press a button. Player, Editor and Admin map to the guild's roles from setup; Discord's
 * Administrator permission always counts as Admin. Levels are ordered: a higher level may do what a lower one may.
 */
public enum PermissionLevel {
    EVERYONE, PLAYER, EDITOR, ADMIN;

    public boolean allows(PermissionLevel required) {
        return compareTo(required) >= 0;
    }
}
