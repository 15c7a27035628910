package dev.guildhall.core.settings;

import java.util.List;

/** A settings change that breaks the module's schema or checks; each problem names the field and the rule. */
public final class SettingsRejected extends RuntimeException {
    private final List<String> problems;

    public SettingsRejected(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
