package dev.guildhall.app;

import dev.guildhall.bus.nats.ModuleAnnouncements;
import dev.guildhall.core.dispatch.CommandSync;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleEnvironment;
import dev.guildhall.core.module.ModuleProvider;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreException;
import dev.guildhall.web.PluginControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Feature modules loaded at runtime from plugin jars in one folder ({@code MODULES_DIR}). A plugin is named by its
 * jar's file name without {@code .jar} ({@code poll.jar} is the plugin {@code poll}): that is what an operator sees in
 * the folder, and it stays the same when a new version of the jar changes nothing else.
 *
 * <p>Each load is all-or-nothing. The jar is copied aside (so the file in the folder can be replaced while it serves,
 * and no JVM-wide jar cache hands a reload the old bytes) and opened in a class loader of its own whose parent is the
 * application's; it must hold exactly one {@link ModuleProvider}. The new module set (built-in plus plugins) is checked
 * (unique ids and command names, a usable settings schema) before the module's migrations run with its own loader;
 * only then is the registry swapped. Any failure leaves the previous set serving, closes the new loader and is
 * reported as one {@link PluginException} line. After a change, the guilds that enable the module get their commands
 * re-synced.
 *
 * <p>In distributed mode every worker holds one of these over the same folder, which must then be shared storage (a
 * volume every worker mounts). The worker that was asked makes the change and re-syncs commands; the others
 * {@link #follow follow} it without re-syncing. Their migration runs find nothing pending: Flyway's lock on PostgreSQL
 * lets only one run apply a module's migrations, and the others then see them applied.
 *
 * <p>The replaced version's loader is closed right after the swap: an event it was still handling may then fail to
 * load a class, and goes to retry, where the new version handles it.
 */
final class PluginModules implements PluginControl, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PluginModules.class);

    private record Plugin(String name, GuildModule module, URLClassLoader loader, Path copy) implements AutoCloseable {
        PluginControl.Plugin describe() {
            return new PluginControl.Plugin(name, module.id(), module.version());
        }

        @Override
        public void close() {
            release(name, loader, copy);
        }
    }

    private static void release(String name, URLClassLoader loader, Path copy) {
        try {
            loader.close();
        } catch (IOException e) {
            log.warn("could not close the class loader of plugin {}: {}", name, e.toString());
        }
        deleteQuietly(copy);
    }

    private final Path folder;
    private final Store store;
    private final ModuleEnvironment environment;
    private final ModuleRegistry registry;
    private final List<GuildModule> builtIn;
    private final CommandSync commandSync;
    private final Map<String, Plugin> plugins = new TreeMap<>();
    /** Plugins whose announced change this process could not follow, with why; cleared by a later change that works. */
    private final Map<String, String> diverged = new TreeMap<>();

    PluginModules(Path folder, Store store, Modules modules, CommandSync commandSync) {
        this.folder = folder;
        this.store = store;
        this.environment = modules.environment();
        this.registry = modules.registry();
        this.builtIn = modules.builtIn();
        this.commandSync = commandSync;
    }

    /**
     * Loads every jar in the folder, one by one; a jar that fails is reported and skipped (the others still load).
     * A missing folder means no plugins.
     */
    synchronized List<String> loadAll() {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) return problems;
        try (var jars = Files.list(folder)) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList()) {
                String name = nameOf(jar);
                try {
                    load(name);
                } catch (PluginException e) {
                    log.error("{}", e.getMessage());
                    problems.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new PluginException("cannot list the plugin folder " + folder + ": " + e.getMessage());
        }
        return problems;
    }

    public synchronized List<PluginControl.Plugin> list() {
        return plugins.values().stream().map(Plugin::describe).toList();
    }

    /** Loads the plugin from {@code name}.jar; refused if a plugin of that name is loaded (reload it instead). */
    public synchronized PluginControl.Plugin load(String name) {
        if (plugins.containsKey(name)) {
            throw new PluginException("plugin " + name + " is already loaded; reload it to change its version");
        }
        return settled(name, install(name, Optional.empty(), true));
    }

    /** Replaces a loaded plugin with what {@code name}.jar holds now; on failure the old version keeps serving. */
    public synchronized PluginControl.Plugin reload(String name) {
        Plugin old = plugins.get(name);
        if (old == null) throw new PluginException("plugin " + name + " is not loaded");
        return settled(name, install(name, Optional.of(old), true));
    }

    /** Stops routing to the plugin's module and removes its commands from the guilds that enable it. */
    public synchronized PluginControl.Plugin unload(String name) {
        if (!plugins.containsKey(name)) throw new PluginException("plugin " + name + " is not loaded");
        return settled(name, remove(name, true));
    }

    /**
     * Applies a change another worker made and announced, from the same folder, without re-syncing commands (the
     * announcer did). It converges rather than checks: a load of a loaded plugin reloads it, a reload of one not loaded
     * loads it, an unload of one not loaded does nothing. A failure is logged, the previous set keeps serving, and the
     * plugin counts as {@link #divergence diverged} until a later change of it works here. So does a version other than
     * the announced one, which means the folder is not the same storage everywhere.
     */
    synchronized void follow(ModuleAnnouncements.Change change) {
        String name = change.plugin();
        try {
            switch (change.kind()) {
                case LOAD, RELOAD -> {
                    PluginControl.Plugin now = install(name, Optional.ofNullable(plugins.get(name)), false);
                    if (!now.version().equals(change.version())) {
                        diverged.put(name, "plugin " + name + " is " + now.version() + " here but "
                                + change.version() + " on the worker that loaded it: is MODULES_DIR shared storage?");
                        log.error("{}", diverged.get(name));
                        return;
                    }
                }
                case UNLOAD -> {
                    if (plugins.containsKey(name)) remove(name, false);
                }
            }
            diverged.remove(name);
        } catch (PluginException e) {
            diverged.put(name, e.getMessage());
            log.error("another worker's {} of plugin {} failed here, this worker keeps its previous plugins: {}",
                    change.kind().name().toLowerCase(java.util.Locale.ROOT), name, e.getMessage());
        }
    }

    /** Why this process serves other plugins than its cluster, if it does: for the worker's readiness. */
    synchronized Optional<String> divergence() {
        return diverged.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", diverged.values()));
    }

    private PluginControl.Plugin settled(String name, PluginControl.Plugin plugin) {
        diverged.remove(name);
        return plugin;
    }

    private PluginControl.Plugin remove(String name, boolean resync) {
        Plugin plugin = plugins.get(name);
        Map<String, Plugin> next = new TreeMap<>(plugins);
        next.remove(name);
        registry.replace(moduleSet(next));
        plugins.remove(name);
        plugin.close();
        log.info("unloaded plugin {} (module {} {})", name, plugin.module().id(), plugin.module().version());
        if (resync) resync(Set.of(plugin.module().id()));
        return plugin.describe();
    }

    private PluginControl.Plugin install(String name, Optional<Plugin> previous, boolean resync) {
        Plugin plugin = open(name);
        try {
            Map<String, Plugin> next = new TreeMap<>(plugins);
            next.put(name, plugin);
            List<GuildModule> set = moduleSet(next);
            try {
                new ModuleRegistry(set); // checks ids and command names before any migration runs
            } catch (IllegalArgumentException e) {
                throw new PluginException("plugin " + name + " refused: " + e.getMessage());
            }
            List<String> schema = store.settingsSchemaProblems(plugin.module());
            if (!schema.isEmpty()) {
                throw new PluginException("plugin " + name + " refused: its settings schema is not usable: "
                        + String.join("; ", schema));
            }
            plugin.module().migrations().ifPresent(location -> {
                try {
                    store.migrateModule(plugin.module().id(), location, plugin.loader());
                } catch (StoreException e) {
                    throw new PluginException("plugin " + name + " refused: " + e.getMessage());
                }
            });
            registry.replace(set);
            plugins.put(name, plugin);
        } catch (RuntimeException e) {
            plugin.close();
            throw e instanceof PluginException p ? p : new PluginException("plugin " + name + " refused: " + e);
        }
        previous.ifPresent(Plugin::close);
        log.info("{} plugin {} (module {} {})", previous.isPresent() ? "reloaded" : "loaded", name,
                plugin.module().id(), plugin.module().version());
        Set<String> ids = new LinkedHashSet<>();
        ids.add(plugin.module().id());
        previous.ifPresent(old -> ids.add(old.module().id()));
        if (resync) resync(ids);
        return plugin.describe();
    }

    private Plugin open(String name) {
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new PluginException("'" + name + "' is not a plugin name: letters, digits, '.', '_' and '-'");
        }
        Path jar = folder.resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) throw new PluginException("there is no " + jar.getFileName() + " in " + folder);
        Path copy;
        try {
            copy = Files.createTempFile("guildhall-plugin-" + name + "-", ".jar");
            Files.copy(jar, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new PluginException("cannot read " + jar + ": " + e.getMessage());
        }
        URLClassLoader loader;
        try {
            loader = new URLClassLoader("plugin-" + name, new URL[]{copy.toUri().toURL()},
                    PluginModules.class.getClassLoader());
        } catch (IOException e) {
            deleteQuietly(copy);
            throw new PluginException("cannot open " + jar + ": " + e.getMessage());
        }
        try {
            // the parent's providers (the built-in modules) are visible through this loader too: keep the jar's own
            List<ServiceLoader.Provider<ModuleProvider>> own = ServiceLoader.load(ModuleProvider.class, loader).stream()
                    .filter(provider -> provider.type().getClassLoader() == loader).toList();
            if (own.size() != 1) {
                throw new PluginException("plugin " + name + " refused: it must hold exactly one ModuleProvider "
                        + "(META-INF/services/" + ModuleProvider.class.getName() + "), found " + own.size());
            }
            GuildModule module = own.getFirst().get().create(environment);
            return new Plugin(name, module, loader, copy);
        } catch (PluginException e) {
            release(name, loader, copy);
            throw e;
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            release(name, loader, copy);
            throw new PluginException("plugin " + name + " refused: its module cannot be built: " + e);
        }
    }

    private List<GuildModule> moduleSet(Map<String, Plugin> with) {
        List<GuildModule> set = new ArrayList<>(builtIn);
        with.values().forEach(plugin -> set.add(plugin.module()));
        return set;
    }

    private void resync(Set<String> moduleIds) {
        Set<GuildId> guilds = new LinkedHashSet<>();
        moduleIds.forEach(id -> guilds.addAll(store.guildConfigs().enabling(id)));
        for (GuildId guild : guilds) {
            try {
                commandSync.ensureSynced(guild, store.guildConfigs().find(guild));
            } catch (RuntimeException e) {
                // the module set is in place; the guild's next event or a later sync writes its commands
                log.warn("could not re-sync the commands of guild {}: {}", guild, e.toString());
            }
        }
    }

    private static String nameOf(Path jar) {
        String file = jar.getFileName().toString();
        return file.substring(0, file.length() - ".jar".length());
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temp file left behind is harmless
        }
    }

    @Override
    public synchronized void close() {
        plugins.values().forEach(Plugin::close);
        plugins.clear();
    }

    /** A plugin could not be loaded, reloaded or unloaded; the message is one line for an operator. */
    static final class PluginException extends PluginControl.Refused {
        PluginException(String message) {
            super(message);
        }
    }
}
