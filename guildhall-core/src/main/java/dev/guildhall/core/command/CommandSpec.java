package dev.guildhall.core.command;

import java.util.List;
import java.util.regex.Pattern;

/** A slash command a module offers, with the level a member needs to run it. */
public record CommandSpec(String name, String description, PermissionLevel level, List<OptionSpec> options) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    public CommandSpec {
        requireName(name);
        if (description == null || description.isEmpty() || description.length() > 100) {
            throw new IllegalArgumentException("command /" + name + " needs a description of 1..100 characters");
        }
        options = List.copyOf(options);
    }

    public static CommandSpec of(String name, String description, PermissionLevel level) {
        return new CommandSpec(name, description, level, List.of());
    }

    static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("command and option names are 1..32 of a-z, 0-9, - and _: " + name);
        }
    }
}
