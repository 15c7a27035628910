package dev.guildhall.store;

import com.github.benmanes.caffeine.cache.Ticker;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.CommandSyncStore;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.settings.ModuleSettingsStore;
import dev.guildhall.store.ledger.EnvelopeLedger;
import dev.guildhall.store.ledger.ExecutedActions;
import dev.guildhall.store.ledger.LedgerTransactions;
import dev.guildhall.store.settings.SettingsStore;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The database of a Guildhall process, SQLite or PostgreSQL: a connection pool, the platform's schema brought up to
 * date by Flyway on open (scripts under {@code db/migration}, one set for both databases), each module's own
 * migrations on request ({@link #migrateModule}), the envelope ledger and the platform's repositories.
 *
 * <p>Timestamps are stored as epoch milliseconds: instants read back are cut to the millisecond.
 *
 * <pre>{@code
 * try (Store store = Store.open(StoreSettings.fromDatabaseUrl(System.getenv("DATABASE_URL"), Path.of("data/guildhall.db")))) {
 *     store.guildConfigs().find(guild);
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Store.class);
    private static final int POSTGRES_POOL_SIZE = 5;
    private static final int REACHABLE_TIMEOUT_SECONDS = 2;
    // While PostgreSQL is down a call waits this long for a connection, then fails as unavailable (StoreFailures);
    // the pool keeps trying in the background and serves again once the server is back, without a reopen.
    private static final long POSTGRES_CONNECTION_TIMEOUT_MILLIS = 5_000;

    private final StoreSettings settings;
    private final HikariDataSource dataSource;
    private final LedgerTransactions transactions = new LedgerTransactions();
    private final DataSource ledgerAwareDataSource;
    private final JdbiGuildConfigStore guildConfigsUncached;
    private final CachedGuildConfigStore guildConfigs;
    private final JdbiCommandSyncStore commandSyncs;
    private final SettingsStore moduleSettings;
    private final EnvelopeLedger envelopeLedger;
    private final ExecutedActions executedActions;
    private final GuildPurge purge;

    private Store(StoreSettings settings, HikariDataSource dataSource, Clock clock) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.ledgerAwareDataSource = new LedgerAwareDataSource(dataSource, transactions);
        // One Jdbi for every repository: JDBI hands the handle open on a thread to nested calls on the same instance,
        // which is how all of them join the ledger's transaction.
        Jdbi jdbi = Jdbi.create(dataSource);
        this.guildConfigsUncached = new JdbiGuildConfigStore(jdbi, StoreJson.mapper());
        this.guildConfigs = new CachedGuildConfigStore(guildConfigsUncached, CachedGuildConfigStore.DEFAULT_MAX_GUILDS,
                CachedGuildConfigStore.DEFAULT_EXPIRY, Ticker.systemTicker(), transactions);
        this.commandSyncs = new JdbiCommandSyncStore(jdbi, clock);
        this.moduleSettings = SettingsStore.on(jdbi, clock, transactions);
        this.envelopeLedger = EnvelopeLedger.on(jdbi, clock, transactions, this::invalidateCachedGuild);
        this.executedActions = ExecutedActions.on(jdbi, clock, transactions);
        this.purge = new GuildPurge(jdbi);
    }

    public static Store open(StoreSettings settings) {
        return open(settings, Clock.systemUTC());
    }

    /** Opens the pool, migrates the schema and returns the store; fails with a {@link StoreException} naming why. */
    public static Store open(StoreSettings settings, Clock clock) {
        if (!settings.usesPostgres()) createParentDirectories(settings.sqliteFile());
        HikariDataSource dataSource = openPool(settings);
        try {
            migrate(settings, dataSource);
            return new Store(settings, dataSource, clock);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource openPool(StoreSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.usesPostgres()) {
            config.setPoolName("guildhall-postgres");
            config.setMaximumPoolSize(POSTGRES_POOL_SIZE);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(POSTGRES_CONNECTION_TIMEOUT_MILLIS);
            settings.user().ifPresent(config::setUsername);
            settings.password().ifPresent(config::setPassword);
        } else {
            // SQLite allows one writer at a time: one connection serialises writers inside this process, WAL lets
            // readers elsewhere (a backup, the CLI) proceed, and busy_timeout waits out their locks.
            config.setPoolName("guildhall-sqlite");
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "5000");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("foreign_keys", "true");
        }
        try {
            return new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreException(StoreException.Kind.UNREACHABLE, "cannot connect to the database " + settings
                    + (settings.usesPostgres() ? " (check DATABASE_URL and that the server is up)" : ""), e);
        }
    }

    private static void migrate(StoreSettings settings, HikariDataSource pool) {
        // Versions 3 and 4 were disc golf's tables before modules kept their own migrations; databases that have them
        // keep them, and the frolf module's own history adopts them (its scripts create only what is missing).
        Flyway flyway = flyway(settings, pool, Store.class.getClassLoader())
                .locations("classpath:db/migration").ignoreMigrationPatterns("*:missing").load();
        try {
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) log.info("applied {} migration(s) to {}", applied, settings);
        } catch (FlywayException e) {
            throw new StoreException(StoreException.Kind.MIGRATION_FAILED,
                    "could not migrate the database " + settings, e);
        }
    }

    /** SQLite: Flyway gets its own connections, since the pool holds just one and Flyway may want two. */
    private static FluentConfiguration flyway(StoreSettings settings, HikariDataSource pool, ClassLoader loader) {
        FluentConfiguration configuration = Flyway.configure(loader);
        return settings.usesPostgres() ? configuration.dataSource(pool)
                : configuration.dataSource(settings.jdbcUrl(), null, null);
    }

    /**
     * Brings one module's tables up to date: the Flyway scripts in the classpath folder {@code location} of
     * {@code loader} (a plugin's class loader, say), recorded in a history table of the module's own
     * ({@code flyway_module_<id>}), so modules never compete for version numbers. A database that already has some of
     * the module's tables from before it kept its own history is adopted: its history starts at version 0. Returns
     * how many scripts ran.
     *
     * @throws StoreException of kind {@code MIGRATION_FAILED} naming the module; a failed script leaves the history
     *                        as it was before it (PostgreSQL runs each script in a transaction)
     */
    public int migrateModule(String moduleId, String location, ClassLoader loader) {
        if (!moduleId.matches("[a-z0-9_]+")) {
            throw new StoreException(StoreException.Kind.BAD_SETTINGS, "module id '" + moduleId
                    + "' cannot name a migration history table: use a-z, 0-9 and _", null);
        }
        Flyway flyway = flyway(settings, dataSource, loader).locations("classpath:" + location)
                .table("flyway_module_" + moduleId).baselineOnMigrate(true).baselineVersion("0")
                .failOnMissingLocations(true).load();
        try {
            int applied = flyway.migrate().migrationsExecuted;
            if (applied > 0) log.info("applied {} migration(s) of module {} to {}", applied, moduleId, settings);
            return applied;
        } catch (FlywayException e) {
            throw new StoreException(StoreException.Kind.MIGRATION_FAILED,
                    "could not apply the migrations of module " + moduleId + ": " + e.getMessage(), e);
        }
    }

    private static void createParentDirectories(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null) return;
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException(StoreException.Kind.BAD_SETTINGS,
                    "cannot create the directory " + parent + " for the SQLite file", e);
        }
    }

    /** Guild configs through a cache (read-through, write-through); what the application should use. */
    public GuildConfigStore guildConfigs() {
        return guildConfigs;
    }

    /** Guild configs straight from the database, bypassing the cache. */
    public GuildConfigStore guildConfigsUncached() {
        return guildConfigsUncached;
    }

    /** Drops the cached config and module settings of one guild, for when another process changed them. */
    public void invalidateCachedGuild(GuildId guild) {
        guildConfigs.invalidate(guild);
        moduleSettings.invalidate(guild);
    }

    /** The same as {@link #invalidateCachedGuild}, which also drops the guild's module settings. */
    public void invalidateCachedConfig(GuildId guild) {
        invalidateCachedGuild(guild);
    }

    /**
     * Calls {@code listener} with a guild after a committed change of its config or module settings made through
     * this store: when an {@link #envelopeLedger()} transaction that wrote it commits (never when it rolls back), or
     * right after a write made outside one. For telling other processes to drop their cached copies.
     */
    public void onGuildDataChanged(Consumer<GuildId> listener) {
        transactions.onGuildDataChanged(listener);
    }

    /** Exactly-once handling of envelopes: the handler's writes and the envelope's record commit together. */
    public EnvelopeLedger envelopeLedger() {
        return envelopeLedger;
    }

    /** Which stored actions were executed, for a process that executes them itself (standalone). */
    public ExecutedActions executedActions() {
        return executedActions;
    }

    public CommandSyncStore commandSyncs() {
        return commandSyncs;
    }

    /** Modules' per-guild settings, validated on every write, cached on read. */
    /** Why a module's settings schema or defaults cannot be used, one line each; empty when they can. */
    public List<String> settingsSchemaProblems(GuildModule module) {
        return moduleSettings.schemaProblems(module);
    }

    public ModuleSettingsStore moduleSettings() {
        return moduleSettings.settings();
    }

    /** Guilds whose configuration was soft-deleted (the bot left, or an admin reset) before {@code cutoff}. */
    public List<GuildId> guildsDeletedBefore(Instant cutoff) {
        return purge.deletedBefore(cutoff);
    }

    /**
     * Deletes everything the platform keeps of the guild: configuration, command hash, module settings, handled
     * envelopes and pending timers. Each module's own rows go through its {@code purgeGuild} hook, before this.
     */
    public void purgeGuild(GuildId guild) {
        purge.purge(guild);
        invalidateCachedGuild(guild);
    }

    /** Whether a trivial query succeeds within a few seconds; for readiness checks. */
    public boolean isReachable() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(REACHABLE_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            log.debug("database not reachable: {}", e.getMessage());
            return false;
        }
    }

    /**
     * The connection pool, for code that takes a {@link DataSource} (the durable timers). On a thread handling an
     * envelope through the {@link #envelopeLedger()} it hands out that transaction's connection, so what such code
     * writes commits or rolls back with the envelope.
     */
    public DataSource dataSource() {
        return ledgerAwareDataSource;
    }

    public StoreSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
