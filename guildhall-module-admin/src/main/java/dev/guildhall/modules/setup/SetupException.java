package dev.guildhall.modules.setup;

import java.util.List;

/** Setup could not finish; {@link #getMessage()} is fit to show the admin who ran it. */
public final class SetupException extends RuntimeException {
    public enum Kind { INVALID_SETTINGS, BOT_NOT_IN_GUILD, DISCORD_FAILED, NOT_CONFIGURED }

    private final Kind kind;
    private final List<String> problems;

    SetupException(Kind kind, String message, List<String> problems, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    static SetupException invalid(List<String> problems) {
        return new SetupException(Kind.INVALID_SETTINGS, "Setup was not changed: " + String.join("; ", problems),
                problems, null);
    }

    public Kind kind() {
        return kind;
    }

    public List<String> problems() {
        return problems;
    }
}
