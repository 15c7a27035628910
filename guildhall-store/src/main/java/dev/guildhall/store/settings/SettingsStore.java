package dev.guildhall.store.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.store.ledger.LedgerTransactions;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;

/** The store of modules' per-guild settings on the {@code module_settings} table, and its cache. */
public final class SettingsStore {
    private final JdbiModuleSettingsStore store;
    private final SettingsValidator validator;

    private SettingsStore(JdbiModuleSettingsStore store, SettingsValidator validator) {
        this.store = store;
        this.validator = validator;
    }

    /**
     * A cached store: loads are kept in memory until a write through this store, an invalidation or the expiry;
     * writes are reported to {@code transactions}.
     */
    public static SettingsStore on(Jdbi jdbi, Clock clock, LedgerTransactions transactions) {
        ObjectMapper json = new ObjectMapper();
        SettingsValidator validator = new SettingsValidator(json);
        return new SettingsStore(new JdbiModuleSettingsStore(jdbi, json, validator, clock,
                JdbiModuleSettingsStore.DEFAULT_MAX_ENTRIES, JdbiModuleSettingsStore.DEFAULT_EXPIRY, transactions),
                validator);
    }

    public ModuleSettingsStore settings() {
        return store;
    }

    /**
     * Why the module's settings schema or defaults cannot be used, one line each; empty when they can. Checked before
     * a plugin module is accepted, so a bad schema never reaches a guild's /config.
     */
    public List<String> schemaProblems(GuildModule module) {
        return validator.schemaProblems(module);
    }

    /** Drops the cached settings of every module of the guild, for when another process or a rollback changed them. */
    public void invalidate(GuildId guild) {
        store.invalidate(guild);
    }
}
