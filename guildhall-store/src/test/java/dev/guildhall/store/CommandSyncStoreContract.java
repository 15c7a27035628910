package dev.guildhall.store;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.CommandSyncStore;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link CommandSyncStore} must do; a subclass per database runs it. */
abstract class CommandSyncStoreContract {
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00.250Z");
    private static final GuildId GUILD_A = GuildId.of(1_100_000_000_000_000_001L);
    private static final GuildId GUILD_B = GuildId.of(1_100_000_000_000_000_002L);

    private Store store;
    private CommandSyncStore syncs;

    protected abstract StoreSettings freshSettings();

    @BeforeEach
    void openStore() {
        store = Store.open(freshSettings(), Clock.fixed(NOW, ZoneOffset.UTC));
        syncs = store.commandSyncs();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void aGuildNeverSyncedHasNoHash() {
        assertThat(syncs.lastHash(GUILD_A)).isEmpty();
    }

    @Test
    void theRecordedHashIsReturnedWithTheTimeOfTheSync() {
        syncs.recordHash(GUILD_A, "sha256:abc");

        assertThat(syncs.lastHash(GUILD_A)).contains("sha256:abc");
        long syncedAt = Jdbi.create(store.dataSource()).withHandle(handle -> handle
                .createQuery("SELECT synced_at FROM command_sync WHERE guild_id = :guild")
                .bind("guild", GUILD_A.value()).mapTo(Long.class).one());
        assertThat(syncedAt).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void recordingAgainReplacesTheHash() {
        syncs.recordHash(GUILD_A, "first");
        syncs.recordHash(GUILD_A, "second");

        assertThat(syncs.lastHash(GUILD_A)).contains("second");
    }

    @Test
    void eachGuildKeepsItsOwnHash() {
        syncs.recordHash(GUILD_A, "hash-a");
        syncs.recordHash(GUILD_B, "hash-b");
        syncs.recordHash(GUILD_A, "hash-a2");

        assertThat(syncs.lastHash(GUILD_A)).contains("hash-a2");
        assertThat(syncs.lastHash(GUILD_B)).contains("hash-b");
        assertThat(syncs.lastHash(GuildId.of(77L))).isEmpty();
    }

    @Test
    void aBlankHashIsRefused() {
        assertThatThrownBy(() -> syncs.recordHash(GUILD_A, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(syncs.lastHash(GUILD_A)).isEmpty();
    }

    @Test
    void forgettingAGuildDropsOnlyItsHash() {
        syncs.recordHash(GUILD_A, "hash-a");
        syncs.recordHash(GUILD_B, "hash-b");

        syncs.forget(GUILD_A);

        assertThat(syncs.lastHash(GUILD_A)).isEmpty();
        assertThat(syncs.lastHash(GUILD_B)).contains("hash-b");
    }
}
