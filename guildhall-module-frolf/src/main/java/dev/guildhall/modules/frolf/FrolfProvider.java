package dev.guildhall.modules.frolf;

import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleEnvironment;
import dev.guildhall.core.module.ModuleProvider;
import dev.guildhall.modules.frolf.storage.FrolfStorage;

/** How the platform finds frolf ({@code META-INF/services}): the module on its storage adapter. */
public final class FrolfProvider implements ModuleProvider {
    @Override
    public GuildModule create(ModuleEnvironment environment) {
        return new FrolfModule(FrolfStorage.on(environment.database()), environment.settings(), environment.timers(),
                environment.clock());
    }
}
