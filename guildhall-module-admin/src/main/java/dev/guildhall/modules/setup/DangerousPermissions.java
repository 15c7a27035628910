package dev.guildhall.modules.setup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Discord permissions that give power over a server or its members: no self-assigned role may carry them. */
final class DangerousPermissions {
    private static final Map<String, Long> BITS = new LinkedHashMap<>();

    static {
        BITS.put("Administrator", 1L << 3);
        BITS.put("Manage Server", 1L << 5);
        BITS.put("Manage Roles", 1L << 28);
        BITS.put("Manage Channels", 1L << 4);
        BITS.put("Manage Messages", 1L << 13);
        BITS.put("Kick Members", 1L << 1);
        BITS.put("Ban Members", 1L << 2);
        BITS.put("Timeout Members", 1L << 40);
    }

    private DangerousPermissions() {}

    /** The names of the dangerous permissions in {@code permissions}, in a fixed order; empty when none. */
    static List<String> in(long permissions) {
        List<String> found = new ArrayList<>();
        BITS.forEach((name, bit) -> {
            if ((permissions & bit) != 0) found.add(name);
        });
        return found;
    }
}
