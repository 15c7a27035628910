package dev.guildhall.core.module;

import java.util.regex.Pattern;

/**
 * A Discord resource a module needs in every guild that enables it. Setup creates it, or adopts an existing one of
 * the same name; enabling the module later creates it then; disabling keeps it until {@code /reset}. {@code key} is
 * {@code <module id>.<name>} and is how the module finds the resource's id in the guild's configuration.
 */
public sealed interface ResourceSpec {
    Pattern KEY = Pattern.compile("[a-z0-9_-]+\\.[a-z0-9_-]+");

    String key();

    /** What the setup report calls it, e.g. {@code #club-events}. */
    String label(String prefix);

    /** A text channel named {@code {prefix}-{suffix}}. */
    record Channel(String key, String suffix) implements ResourceSpec {
        public Channel {
            requireKey(key);
            if (!suffix.matches("[a-z0-9-]{1,40}")) {
                throw new IllegalArgumentException("channel suffix '" + suffix + "': 1 to 40 of a-z, 0-9 and -");
            }
        }

        public String nameFor(String prefix) {
            return prefix + "-" + suffix;
        }

        @Override
        public String label(String prefix) {
            return "#" + nameFor(prefix);
        }
    }

    /** A role named {@code name}, created without permissions. */
    record Role(String key, String name) implements ResourceSpec {
        public Role {
            requireKey(key);
            if (name.isBlank() || name.length() > 100) throw new IllegalArgumentException("role name: 1 to 100 characters");
        }

        @Override
        public String label(String prefix) {
            return "@" + name;
        }
    }

    static ResourceSpec.Channel channel(String key, String suffix) {
        return new Channel(key, suffix);
    }

    static ResourceSpec.Role role(String key, String name) {
        return new Role(key, name);
    }

    /** The module a key belongs to: the part before the dot. */
    static String moduleOf(String key) {
        return key.substring(0, key.indexOf('.'));
    }

    private static void requireKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("resource key '" + key + "' must read <module id>.<name>");
        }
    }
}
