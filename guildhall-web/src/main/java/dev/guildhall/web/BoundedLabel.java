package dev.guildhall.web;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits at most {@code limit} distinct values of one metric label; later values become {@code other}. Prometheus
 * keeps one series per label combination, so an unbounded label (a typo'd command name from a plugin, say) would
 * grow memory on both sides without end.
 */
final class BoundedLabel {
    static final String OTHER = "other";
    static final String NONE = "none";
    private static final int MAX_VALUE_LENGTH = 64;

    private final int limit;
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();

    BoundedLabel(int limit) {
        this.limit = limit;
    }

    String admit(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String label = value.length() <= MAX_VALUE_LENGTH ? value : value.substring(0, MAX_VALUE_LENGTH);
        if (admitted.contains(label)) {
            return label;
        }
        synchronized (admitted) {
            if (admitted.contains(label)) {
                return label;
            }
            if (admitted.size() >= limit) {
                return OTHER;
            }
            admitted.add(label);
            return label;
        }
    }
}
