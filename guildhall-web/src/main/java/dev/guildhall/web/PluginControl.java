package dev.guildhall.web;

import java.util.List;

/**
 * What the operator endpoints may do with a process's plugin modules. Each change is all-or-nothing; a refusal
 * throws {@link Refused} with a one-line reason, and the previous modules keep serving.
 */
public interface PluginControl {

    /** One loaded plugin: its jar's name, its module's id and version. */
    record Plugin(String name, String module, String version) {}

    List<Plugin> list();

    Plugin load(String name);

    Plugin reload(String name);

    Plugin unload(String name);

    /** The change was refused (no such jar, not loaded, a bad jar, a failing migration, a clash). */
    class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
