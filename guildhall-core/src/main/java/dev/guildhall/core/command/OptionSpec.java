package dev.guildhall.core.command;

import java.util.List;

/** An option of a slash command, or a subcommand with options of its own. */
public record OptionSpec(String name, String description, Type type, boolean required, List<OptionSpec> options) {
    public enum Type { SUB_COMMAND, STRING, INTEGER, BOOLEAN, USER, CHANNEL, ROLE }

    public OptionSpec {
        CommandSpec.requireName(name);
        options = List.copyOf(options);
    }

    public static OptionSpec of(String name, String description, Type type, boolean required) {
        return new OptionSpec(name, description, type, required, List.of());
    }

    public static OptionSpec subcommand(String name, String description, List<OptionSpec> options) {
        return new OptionSpec(name, description, Type.SUB_COMMAND, false, options);
    }
}
