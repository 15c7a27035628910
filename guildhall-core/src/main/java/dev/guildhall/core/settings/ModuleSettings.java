package dev.guildhall.core.settings;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A module's settings in one guild: flat keys with JSON scalar values (String, Long, Double, Boolean), the module's
 * defaults overlaid by what the guild changed.
 */
public record ModuleSettings(Map<String, Object> values) {
    public ModuleSettings {
        values = Map.copyOf(values);
    }

    public Optional<Object> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String string(String key) {
        return value(key).map(Object::toString).orElseThrow(() -> missing(key));
    }

    public long integer(String key) {
        Object value = value(key).orElseThrow(() -> missing(key));
        if (value instanceof Number number) return number.longValue();
        throw new IllegalStateException("setting '" + key + "' is not a number: " + value);
    }

    public boolean flag(String key) {
        Object value = value(key).orElseThrow(() -> missing(key));
        if (value instanceof Boolean bool) return bool;
        throw new IllegalStateException("setting '" + key + "' is not true or false: " + value);
    }

    /** Sorted key to display text, for {@code /config get}. */
    public Map<String, String> display() {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((key, value) -> shown.put(key, String.valueOf(value)));
        return shown;
    }

    private static IllegalStateException missing(String key) {
        return new IllegalStateException("setting '" + key + "' has no value and no default");
    }
}
