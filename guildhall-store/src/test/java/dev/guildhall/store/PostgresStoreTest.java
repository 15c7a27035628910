package dev.guildhall.store;

import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.testkit.FreePorts;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(PostgresExtension.class)
class PostgresStoreTest {
    private final PostgresServer server;

    PostgresStoreTest(PostgresServer server) {
        this.server = server;
    }

    @Test
    void openingAgainMigratesNothingAndKeepsTheData() {
        StoreSettings settings = StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password());
        GuildConfig config = GuildConfig.started(GuildId.of(5L), SetupSettings.DEFAULTS, Instant.parse("2025-01-01T00:00:00Z"));
        try (Store store = Store.open(settings)) {
            store.guildConfigs().save(config);
        }

        try (Store store = Store.open(settings)) {
            assertThat(SqliteStoreTest.migrationVersions(store)).isEqualTo(SqliteStoreTest.shippedVersions());
            assertThat(store.guildConfigs().find(GuildId.of(5L))).contains(config);
        }
    }

    @Test
    void twoProcessesOpeningTheSameEmptyDatabaseAtOnceBothSucceed() throws Exception {
        StoreSettings settings = StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Store>> opened = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                opened.add(threads.submit(() -> {
                    go.await();
                    return Store.open(settings);
                }));
            }
            go.countDown();
            List<Store> stores = new ArrayList<>();
            try {
                for (Future<Store> future : opened) stores.add(future.get(60, TimeUnit.SECONDS));
                assertThat(stores).allSatisfy(store -> assertThat(store.isReachable()).isTrue());
                assertThat(SqliteStoreTest.migrationVersions(stores.getFirst())).isEqualTo(SqliteStoreTest.shippedVersions());
                stores.getFirst().guildConfigs().save(GuildConfig.started(GuildId.of(8L), SetupSettings.DEFAULTS, Instant.EPOCH));
                assertThat(stores.getLast().guildConfigsUncached().find(GuildId.of(8L))).isPresent();
            } finally {
                stores.forEach(Store::close);
            }
        }
    }

    @Test
    void aDatabaseUrlInPostgresFormOpensTheStore() {
        String jdbcUrl = StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password()).postgresUrl().orElseThrow();
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);

        try (Store store = Store.open(StoreSettings.fromDatabaseUrl(server.postgresUrl(database), Path.of("unused.db")))) {
            assertThat(store.isReachable()).isTrue();
            assertThat(store.settings().usesPostgres()).isTrue();
        }
    }

    @Test
    void isReachableFollowsTheServerGoingAwayAndComingBack() {
        try (PostgresServer own = PostgresServer.launch();
             Store store = Store.open(StoreSettings.postgres(own.jdbcUrl(), own.user(), own.password()))) {
            assertThat(store.isReachable()).isTrue();

            own.stop();
            assertThat(store.isReachable()).isFalse();

            own.start();
            awaitReachable(store);
            store.commandSyncs().recordHash(GuildId.of(3L), "after-restart");
            assertThat(store.commandSyncs().lastHash(GuildId.of(3L))).contains("after-restart");
        }
    }

    @Test
    void anUnreachableServerFailsTheOpenWithoutRevealingThePassword() {
        StoreSettings settings = StoreSettings.postgres("jdbc:postgresql://127.0.0.1:" + FreePorts.next() + "/none",
                "app", "sup3r-secret");

        assertThatThrownBy(() -> Store.open(settings)).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.UNREACHABLE);
            assertThat(e.getMessage()).doesNotContain("sup3r-secret");
        });
    }

    private static void awaitReachable(Store store) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!store.isReachable()) {
            assertThat(System.nanoTime()).as("reachable again within 30 s").isLessThan(deadline);
        }
    }
}
