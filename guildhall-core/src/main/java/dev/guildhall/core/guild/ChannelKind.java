package dev.guildhall.core.guild;

/** The channels setup manages, named {@code {prefix}-{suffix}}. */
public enum ChannelKind {
    EVENTS("events"), LEADERBOARD("leaderboard"), SIGNUP("signup");

    private final String suffix;

    ChannelKind(String suffix) {
        this.suffix = suffix;
    }

    public String nameFor(String prefix) {
        return prefix + "-" + suffix;
    }
}
