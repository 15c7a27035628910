package dev.guildhall.core.action;

import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;

import java.util.Collection;
import java.util.Set;

/**
 * Who a message may ping. Discord pings no one else, whatever the text says: {@code @everyone}, {@code @here} and
 * role or user mentions typed by members (round titles, locations, season names) stay plain text. A module that
 * means to ping someone names them here.
 */
public record Mentions(Set<UserId> users, Set<RoleId> roles) {
    /** Discord's cap on each list of allowed mentions. */
    public static final int MAX_EACH = 100;
    private static final Mentions NONE = new Mentions(Set.of(), Set.of());

    public Mentions {
        users = users == null ? Set.of() : Set.copyOf(users);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        if (users.size() > MAX_EACH || roles.size() > MAX_EACH) {
            throw new IllegalArgumentException("a message may ping at most " + MAX_EACH + " users and "
                    + MAX_EACH + " roles");
        }
    }

    /** Pings no one: the default of every message. */
    public static Mentions none() {
        return NONE;
    }

    public static Mentions users(Collection<UserId> users) {
        return new Mentions(Set.copyOf(users), Set.of());
    }

    public static Mentions roles(Collection<RoleId> roles) {
        return new Mentions(Set.of(), Set.copyOf(roles));
    }

    public boolean isNone() {
        return users.isEmpty() && roles.isEmpty();
    }
}
