package dev.guildhall.store;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.GuildId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqliteStoreTest {
    @TempDir
    Path dir;

    @Test
    void createsTheDirectoriesOfTheFileAndRunsInWalModeWithABusyTimeout() {
        Path file = dir.resolve("nested/deeper/guildhall.db");

        try (Store store = Store.open(StoreSettings.sqlite(file))) {
            Jdbi jdbi = Jdbi.create(store.dataSource());
            assertThat(file).exists();
            String journalMode = jdbi.withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one());
            int busyTimeout = jdbi.withHandle(h -> h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one());
            assertThat(journalMode).isEqualTo("wal");
            assertThat(busyTimeout).isEqualTo(5000);
            assertThat(store.isReachable()).isTrue();
        }
    }

    @Test
    void openingAgainMigratesNothingAndKeepsTheData() {
        StoreSettings settings = StoreSettings.sqlite(dir.resolve("guildhall.db"));
        GuildConfig config = GuildConfig.started(GuildId.of(5L), SetupSettings.DEFAULTS, Instant.parse("2025-01-01T00:00:00Z"));
        try (Store store = Store.open(settings)) {
            store.guildConfigs().save(config);
            assertThat(migrationVersions(store)).isEqualTo(shippedVersions());
        }

        try (Store store = Store.open(settings)) {
            assertThat(migrationVersions(store)).isEqualTo(shippedVersions());
            assertThat(store.guildConfigs().find(GuildId.of(5L))).contains(config);
        }
    }

    @Test
    void theTablesForWhatComesNextExistWithTheirKeys() {
        try (Store store = Store.open(StoreSettings.sqlite(dir.resolve("guildhall.db")))) {
            Jdbi jdbi = Jdbi.create(store.dataSource());
            jdbi.useHandle(h -> {
                h.execute("INSERT INTO processed_event (guild_id, event_id, processed_at) VALUES (1, 'e1', 10)");
                h.execute("INSERT INTO processed_event (guild_id, event_id, processed_at) VALUES (2, 'e1', 10)");
                h.execute("INSERT INTO audit_log (id, guild_id, actor_id, action, detail, at) VALUES (1, 1, 9, 'setup', '{}', 10)");
            });
            assertThatThrownBy(() -> jdbi.useHandle(h ->
                    h.execute("INSERT INTO processed_event (guild_id, event_id, processed_at) VALUES (1, 'e1', 11)")))
                    .isInstanceOf(UnableToExecuteStatementException.class);
            List<String> indexes = jdbi.withHandle(h -> h.createQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'audit_log_guild_at'")
                    .mapTo(String.class).list());
            assertThat(indexes).hasSize(1);
        }
    }

    /** The versions of the migration scripts this build ships, in order. */
    static List<String> shippedVersions() {
        try (var files = Files.list(Path.of(Store.class.getResource("/db/migration").toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the migration scripts", e);
        }
    }

    static List<String> migrationVersions(Store store) {
        return Jdbi.create(store.dataSource()).withHandle(h -> h.createQuery(
                "SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL ORDER BY installed_rank")
                .mapTo(String.class).list());
    }
}
