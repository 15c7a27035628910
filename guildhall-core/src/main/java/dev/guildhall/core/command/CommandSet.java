package dev.guildhall.core.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** A guild's whole command set, with a hash that changes exactly when what Discord would store changes. */
public record CommandSet(List<CommandSpec> commands) {
    public CommandSet {
        commands = commands.stream().sorted(Comparator.comparing(CommandSpec::name)).toList();
        long distinct = commands.stream().map(CommandSpec::name).distinct().count();
        if (distinct != commands.size()) throw new IllegalArgumentException("duplicate command name in " + commands);
    }

    public List<String> names() {
        return commands.stream().map(CommandSpec::name).toList();
    }

    /** SHA-256 over a canonical text of names, descriptions and options (levels are ours, not Discord's). */
    public String hash() {
        StringBuilder canonical = new StringBuilder();
        for (CommandSpec command : commands) {
            canonical.append(command.name()).append('\u0001').append(command.description()).append('\u0001');
            appendOptions(canonical, command.options());
            canonical.append('\u0002');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static void appendOptions(StringBuilder out, List<OptionSpec> options) {
        out.append('[');
        for (OptionSpec option : options) {
            out.append(option.name()).append('\u0001').append(option.description()).append('\u0001')
                    .append(option.type()).append('\u0001').append(option.required());
            appendOptions(out, option.options());
        }
        out.append(']');
    }
}
