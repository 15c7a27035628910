package dev.guildhall.store.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.store.ledger.LedgerTransactions;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/** The store of modules' per-guild settings on the {@code module_settings} table, and its cache. */
public final class SettingsStore {
    private final JdbiModuleSettingsStore store;

    private SettingsStore(JdbiModuleSettingsStore store) {
        this.store = store;
    }

    /**
     * A cached store: loads are kept in memory until a write through this store, an invalidation or the expiry;
     * writes are reported to {@code transactions}.
     */
    public static SettingsStore on(Jdbi jdbi, Clock clock, LedgerTransactions transactions) {
        ObjectMapper json = new ObjectMapper();
        return new SettingsStore(new JdbiModuleSettingsStore(jdbi, json, new SettingsValidator(json), clock,
                JdbiModuleSettingsStore.DEFAULT_MAX_ENTRIES, JdbiModuleSettingsStore.DEFAULT_EXPIRY, transactions));
    }

    public ModuleSettingsStore settings() {
        return store;
    }

    /** Drops the cached settings of every module of the guild, for when another process or a rollback changed them. */
    public void invalidate(GuildId guild) {
        store.invalidate(guild);
    }
}
