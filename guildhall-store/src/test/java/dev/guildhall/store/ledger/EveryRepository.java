package dev.guildhall.store.ledger;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.store.Store;
import dev.guildhall.store.timers.DurableTimers;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one guild's data through every repository of a store and through a module's own adapter (its own JDBI on
 * {@link Store#dataSource()}, on the table of its own migration), and counts that guild's rows table by table.
 */
final class EveryRepository {
    static final NotesModule NOTES = new NotesModule();
    private static final List<String> TABLES = List.of("guild_config", "module_settings", "command_sync",
            "notes_entry", "processed_event");

    private EveryRepository() {}

    /** One write through each repository of {@code store}, and one timer set through {@code timers}. */
    static void write(Store store, DurableTimers timers, GuildId guild, Instant at) {
        store.guildConfigs().save(GuildConfig.started(guild, SetupSettings.DEFAULTS, at));
        store.moduleSettings().set(guild, NOTES, "motto", "written");
        store.commandSyncs().recordHash(guild, "hash-1");
        moduleAdapter(store).useTransaction(handle -> handle.createUpdate(
                "INSERT INTO notes_entry (guild_id, note) VALUES (:guild, 'hello')").bind("guild", guild.value()).execute());
        timers.schedule(guild, "notes:reminder", "1", at.plus(Duration.ofDays(1)));
    }

    /** The module's table, as the notes module's migrations make it. */
    static void migrateModule(Store store) {
        store.migrateModule("notes", "db/modules/notes", EveryRepository.class.getClassLoader());
    }

    /** A module's storage adapter as a feature module builds it: its own JDBI over the store's data source. */
    private static Jdbi moduleAdapter(Store store) {
        Jdbi jdbi = Jdbi.create(store.dataSource());
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        return jdbi;
    }

    /** The guild's rows in every table {@link #write} touches, and its ledger records. */
    static Map<String, Integer> rows(Store store, GuildId guild) {
        Jdbi jdbi = Jdbi.create(store.dataSource());
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbi.withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM " + table + " WHERE guild_id = :guild")
                    .bind("guild", guild.value()).mapTo(Integer.class).one()));
        }
        // a timer's instance id is "guild|name|key"
        counts.put("scheduled_tasks", jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE :prefix")
                .bind("prefix", guild.value() + "|%").mapTo(Integer.class).one()));
        return counts;
    }

    /** Every table {@link #rows} counts, with no row. */
    static Map<String, Integer> none() {
        Map<String, Integer> none = new LinkedHashMap<>();
        for (String table : TABLES) none.put(table, 0);
        none.put("scheduled_tasks", 0);
        return none;
    }
}
