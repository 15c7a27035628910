package dev.guildhall.core.event;

import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;

import java.util.Set;

/** The member behind an interaction, as the guild saw them then; {@code administrator} is Discord's permission. */
public record Invoker(UserId user, String name, Set<RoleId> roles, boolean administrator) {
    public Invoker {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(RoleId role) {
        return roles.contains(role);
    }
}
