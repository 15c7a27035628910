package dev.guildhall.app;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.MessageId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.module.GuildModule;
import dev.guildhall.core.port.DiscordPort;
import dev.guildhall.modules.frolf.FrolfModule;
import dev.guildhall.modules.frolf.rounds.RoundDraft;
import dev.guildhall.modules.frolf.signup.SignupMessage;
import dev.guildhall.modules.frolf.storage.FrolfStorage;
import dev.guildhall.modules.frolf.tags.TagMove;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.store.timers.DurableTimers;
import dev.guildhall.store.timers.TimerSettings;
import dev.guildhall.testkit.MutableClock;
import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.testkit.PostgresServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A guild gone for over 30 days loses every row, in every module's tables and the platform's, on SQLite and on
 * PostgreSQL; a guild gone for less keeps all of its. The tables are found from the database's catalogue, so a table
 * a module adds later is covered without editing this test.
 */
@ExtendWith(PostgresExtension.class)
class RetentionTest {
    private static final GuildId GONE = GuildId.of(71L << 22);
    private static final GuildId RECENT = GuildId.of(72L << 22);
    private static final DiscordPort NO_DISCORD = new DiscordPort() {
        @Override public ActionResult execute(Action action) { throw new IllegalStateException("no Discord here"); }
        @Override public Optional<GuildSnapshot> guild(GuildId guild) { return Optional.empty(); }
    };
    /** The tables {@link #write} certainly puts a row in. */
    private static final List<String> WRITTEN = List.of("guild_config", "module_settings", "command_sync",
            "frolf_round", "frolf_round_participant", "frolf_tag_holder", "frolf_season", "frolf_signup",
            "scheduled_tasks");
    private final MutableClock clock = new MutableClock();

    @Test
    void aGuildGoneThirtyOneDaysHasNoRowLeftOnSqlite(@TempDir Path dir) throws Exception {
        purgesOnlyTheGuildGoneLongAgo(StoreSettings.sqlite(dir.resolve("guildhall.db")));
    }

    @Test
    void aGuildGoneThirtyOneDaysHasNoRowLeftOnPostgres(PostgresServer server) throws Exception {
        purgesOnlyTheGuildGoneLongAgo(StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(),
                server.password()));
    }

    private void purgesOnlyTheGuildGoneLongAgo(StoreSettings settings) throws Exception {
        try (Store store = Store.open(settings, clock);
             DurableTimers timers = DurableTimers.create(store.dataSource(), clock, TimerSettings.defaults(), e -> { })) {
            Modules modules = Modules.wire(store, NO_DISCORD, timers, clock);
            for (GuildId guild : List.of(GONE, RECENT)) write(store, modules, timers, guild);
            store.guildConfigs().save(store.guildConfigs().find(GONE).orElseThrow().softDeleted(clock.instant()));
            clock.advance(Duration.ofDays(2));
            store.guildConfigs().save(store.guildConfigs().find(RECENT).orElseThrow().softDeleted(clock.instant()));
            clock.advance(Duration.ofDays(29));
            Map<String, Integer> recentBefore = rows(store, settings, RECENT);

            assertThat(Retention.runOnce(store, modules.registry(), clock, false)).isEqualTo(1);

            assertThat(rows(store, settings, GONE)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(rows(store, settings, RECENT)).isEqualTo(recentBefore);
            assertThat(recentBefore).allSatisfy((table, rows) -> {
                if (WRITTEN.contains(table)) assertThat(rows).as(table).isPositive();
            });
        }
    }

    /** One row of the guild in every table: platform data and each of frolf's. */
    private void write(Store store, Modules modules, DurableTimers timers, GuildId guild) {
        GuildModule frolf = modules.registry().module(FrolfModule.ID).orElseThrow();
        store.guildConfigs().save(GuildConfig.started(guild, SetupSettings.DEFAULTS, clock.instant()));
        store.moduleSettings().set(guild, frolf, "max_tag", "50");
        store.commandSyncs().recordHash(guild, "hash");
        timers.schedule(guild, "frolf:start", "1", clock.instant().plus(Duration.ofDays(90)));
        FrolfStorage storage = FrolfStorage.on(store.dataSource());
        var round = storage.rounds().create(guild, new RoundDraft("Doubles", "", "Park",
                clock.instant().plus(Duration.ofDays(1))), UserId.of(7), ChannelId.of(8), clock.instant());
        storage.rounds().setRsvp(guild, round.id(), UserId.of(7), dev.guildhall.modules.frolf.rounds.Rsvp.ACCEPTED,
                clock.instant());
        storage.tags().take(guild, UserId.of(7), 1, TagMove.Reason.CLAIM, clock.instant());
        storage.seasons().start(guild, "Spring", clock.instant());
        storage.signups().save(new SignupMessage(guild, ChannelId.of(9), MessageId.of(10), "🥏"), clock.instant());
    }

    /** The guild's rows in every table that has a guild_id column, plus its timers. */
    private static Map<String, Integer> rows(Store store, StoreSettings settings, GuildId guild) {
        Jdbi jdbi = Jdbi.create(store.dataSource());
        List<String> tables = jdbi.withHandle(handle -> settings.usesPostgres()
                ? handle.createQuery("""
                        SELECT table_name FROM information_schema.columns
                        WHERE column_name = 'guild_id' AND table_schema = current_schema() ORDER BY table_name""")
                        .mapTo(String.class).list()
                : handle.createQuery("""
                        SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
                        WHERE m.type = 'table' AND c.name = 'guild_id' ORDER BY m.name""")
                        .mapTo(String.class).list());
        assertThat(tables).contains("guild_config", "frolf_round", "frolf_tag_holder", "frolf_signup");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, jdbi.withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM " + table + " WHERE guild_id = :guild").bind("guild", guild.value())
                    .mapTo(Integer.class).one()));
        }
        counts.put("scheduled_tasks", jdbi.withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance LIKE :prefix")
                .bind("prefix", guild.value() + "|%").mapTo(Integer.class).one()));
        return counts;
    }
}
