package dev.guildhall.store.ledger;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.modules.frolf.rounds.RoundDraft;
import dev.guildhall.modules.frolf.tags.TagMove;
import dev.guildhall.store.Store;
import dev.guildhall.store.timers.DurableTimers;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes one guild's data through every repository of a store, and counts that guild's rows table by table. */
final class EveryRepository {
    static final NotesModule NOTES = new NotesModule();
    private static final List<String> TABLES = List.of("guild_config", "module_settings", "command_sync",
            "frolf_round", "frolf_tag_holder", "frolf_season", "processed_event");

    private EveryRepository() {}

    /** One write through each repository of {@code store}, and one timer set through {@code timers}. */
    static void write(Store store, DurableTimers timers, GuildId guild, Instant at) {
        store.guildConfigs().save(GuildConfig.started(guild, SetupSettings.DEFAULTS, at));
        store.moduleSettings().set(guild, NOTES, "motto", "written");
        store.commandSyncs().recordHash(guild, "hash-1");
        store.frolfRounds().create(guild, new RoundDraft("Sunday doubles", "", "", at.plus(Duration.ofDays(1))),
                UserId.of(7L), ChannelId.of(8L), at);
        store.frolfTags().tags().take(guild, UserId.of(7L), 1, TagMove.Reason.CLAIM, at);
        store.frolfTags().seasons().start(guild, "Spring", at);
        timers.schedule(guild, "frolf:reminder", "1", at.plus(Duration.ofDays(1)));
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
