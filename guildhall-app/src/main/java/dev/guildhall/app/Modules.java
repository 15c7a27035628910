package dev.guildhall.app;

import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleRegistry;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.modules.setup.SetupModule;
import dev.guildhall.modules.setup.SetupService;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The built-in modules, wired explicitly: the one list every mode and command uses. */
record Modules(SetupService setup, ModuleRegistry registry) {

    static Modules wire(GuildConfigStore configs, DiscordPort discord, Clock clock) {
        List<GuildModule> features = List.of();
        SetupService setup = new SetupService(configs, discord, clock, features.stream().map(GuildModule::id).toList());
        List<GuildModule> all = new ArrayList<>();
        all.add(new SetupModule(setup));
        all.addAll(features);
        return new Modules(setup, new ModuleRegistry(all));
    }
}
