package dev.guildhall.examples.poll;

import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.module.ModuleEnvironment;
import dev.guildhall.core.module.ModuleProvider;

/** How Guildhall finds the poll module in this jar ({@code META-INF/services}). */
public final class PollProvider implements ModuleProvider {
    @Override
    public GuildModule create(ModuleEnvironment environment) {
        return new PollModule(new PollStorage(environment.database()));
    }
}
