package dev.guildhall.store.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.settings.ModuleSettingsStore;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/** Builds the store of modules' per-guild settings on the {@code module_settings} table. */
public final class SettingsStore {
    private SettingsStore() {}

    /** A cached store: loads are kept in memory until a write through this store or {@code expiry} passes. */
    public static ModuleSettingsStore on(Jdbi jdbi, Clock clock) {
        ObjectMapper json = new ObjectMapper();
        return new JdbiModuleSettingsStore(jdbi, json, new SettingsValidator(json), clock,
                JdbiModuleSettingsStore.DEFAULT_MAX_ENTRIES, JdbiModuleSettingsStore.DEFAULT_EXPIRY);
    }
}
