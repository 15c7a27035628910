package dev.guildhall.modules.frolf;

import dev.guildhall.core.module.ResourceSpec;

import java.util.List;

/** The channels frolf needs in a guild, named {@code {prefix}-events} and so on by setup. */
public final class FrolfResources {
    /** Round announcements with their RSVP buttons. */
    public static final ResourceSpec.Channel EVENTS = ResourceSpec.channel("frolf.events", "events");
    /** The kept-current tag leaderboard message and claim outcomes. */
    public static final ResourceSpec.Channel LEADERBOARD = ResourceSpec.channel("frolf.leaderboard", "leaderboard");
    /** The signup message. */
    public static final ResourceSpec.Channel SIGNUP = ResourceSpec.channel("frolf.signup", "signup");

    static final List<ResourceSpec> ALL = List.of(EVENTS, LEADERBOARD, SIGNUP);

    private FrolfResources() {}
}
