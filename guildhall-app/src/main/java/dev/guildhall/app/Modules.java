package dev.guildhall.app;

import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleEnvironment;
import dev.guildhall.core.module.ModuleProvider;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.Timers;
import dev.guildhall.modules.admin.AdminModule;
import dev.guildhall.modules.setup.SetupModule;
import dev.guildhall.modules.setup.SetupService;
import dev.guildhall.store.Store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The modules of a process: the platform's own (setup and admin, always on) and the feature modules found on the
 * class path with {@link ServiceLoader} (one {@link ModuleProvider} each), each with its migrations applied. The one
 * list every mode and command uses.
 */
record Modules(SetupService setup, ModuleRegistry registry, List<GuildModule> builtIn, ModuleEnvironment environment) {

    static Modules wire(Store store, DiscordPort discord, Timers timers, Clock clock) {
        return wire(store, discord, timers, clock, List.of());
    }

    /** {@code extraFeatures} come after the built-in ones; production passes none. */
    static Modules wire(Store store, DiscordPort discord, Timers timers, Clock clock, List<GuildModule> extraFeatures) {
        return wire(store, discord, timers, clock, environment -> extraFeatures);
    }

    /** As above, with the extra features built from the process's module environment, as a provider builds one. */
    static Modules wire(Store store, DiscordPort discord, Timers timers, Clock clock,
                        Function<ModuleEnvironment, List<GuildModule>> extraFeatures) {
        ModuleEnvironment environment = environment(store, timers, clock);
        List<GuildModule> features = new ArrayList<>(builtIn(environment));
        features.addAll(extraFeatures.apply(environment));
        for (GuildModule feature : features) migrate(store, feature);
        // the setup and admin modules look after the registry's modules, and the registry holds them: ask it later
        AtomicReference<ModuleRegistry> registry = new AtomicReference<>();
        SetupService setup = new SetupService(store.guildConfigs(), discord, clock, registry::get);
        List<GuildModule> all = new ArrayList<>();
        all.add(new SetupModule(setup, registry::get));
        all.add(new AdminModule(store.guildConfigs(), store.moduleSettings(), () -> registry.get().all(), setup));
        all.addAll(features);
        registry.set(new ModuleRegistry(all));
        return new Modules(setup, registry.get(), List.copyOf(all), environment);
    }

    static ModuleEnvironment environment(Store store, Timers timers, Clock clock) {
        return new ModuleEnvironment(store.dataSource(), store.settings().usesPostgres(), store.moduleSettings(),
                timers, clock);
    }

    /** Every feature module on the class path, in the order of their ids. */
    private static List<GuildModule> builtIn(ModuleEnvironment environment) {
        return ServiceLoader.load(ModuleProvider.class, Modules.class.getClassLoader()).stream()
                .map(provider -> provider.get().create(environment))
                .sorted(Comparator.comparing(GuildModule::id))
                .toList();
    }

    /** Applies the module's own migrations, from its own class loader (a plugin's, say). */
    static void migrate(Store store, GuildModule module) {
        module.migrations().ifPresent(location ->
                store.migrateModule(module.id(), location, module.getClass().getClassLoader()));
    }
}
