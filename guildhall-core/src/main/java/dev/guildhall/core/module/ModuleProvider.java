package dev.guildhall.core.module;

/**
 * How the platform finds a feature module: a {@link java.util.ServiceLoader} entry
 * ({@code META-INF/services/dev.guildhall.core.module.ModuleProvider}) in the module's jar, on the class path or in a
 * plugin jar. It has a public no-argument constructor and builds the module from what the platform hands it.
 */
public interface ModuleProvider {

    /** Builds the module; called once per process (and again when a plugin is reloaded). */
    GuildModule create(ModuleEnvironment environment);
}
