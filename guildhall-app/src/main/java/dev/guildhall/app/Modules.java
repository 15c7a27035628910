package dev.guildhall.app;

import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.Timers;
import dev.guildhall.modules.admin.AdminModule;
import dev.guildhall.modules.frolf.FrolfModule;
import dev.guildhall.modules.frolf.tags.TagsFeature;
import dev.guildhall.modules.setup.SetupModule;
import dev.guildhall.modules.setup.SetupService;
import dev.guildhall.store.Store;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The built-in modules, wired explicitly: the one list every mode and command uses. */
record Modules(SetupService setup, ModuleRegistry registry) {

    static Modules wire(Store store, DiscordPort discord, Timers timers, Clock clock) {
        return wire(store, discord, timers, clock, List.of());
    }

    /**
     * Setup and admin (always on), then the feature modules a guild may switch on and off. {@code extraFeatures}
     * come after the built-in ones; production passes none.
     */
    static Modules wire(Store store, DiscordPort discord, Timers timers, Clock clock, List<GuildModule> extraFeatures) {
        List<GuildModule> features = new ArrayList<>();
        // Feature modules, in the order /modules list shows them. Each takes what it needs from here:
        // store (its repositories, store.moduleSettings()), discord, timers and clock.
        TagsFeature frolfTags = new TagsFeature(store.frolfTags().tags(), store.frolfTags().seasons(), timers, clock);
        features.add(new FrolfModule(store.frolfRounds(), frolfTags, store.moduleSettings(), timers, clock));
        features.addAll(extraFeatures);

        SetupService setup = new SetupService(store.guildConfigs(), discord, clock,
                features.stream().map(GuildModule::id).toList());
        // the admin module lists the registry's modules, and the registry needs the admin module: ask it later
        AtomicReference<ModuleRegistry> registry = new AtomicReference<>();
        List<GuildModule> all = new ArrayList<>();
        all.add(new SetupModule(setup));
        all.add(new AdminModule(store.guildConfigs(), store.moduleSettings(), () -> registry.get().all()));
        all.addAll(features);
        registry.set(new ModuleRegistry(all));
        return new Modules(setup, registry.get());
    }
}
