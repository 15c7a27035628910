package dev.guildhall.store;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.GuildConfigStore;
import dev.guildhall.store.ledger.LedgerTransactions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedGuildConfigStoreTest {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final GuildId GUILD = GuildId.of(42L);

    private final CountingStore database = new CountingStore();
    private final AtomicLong nanos = new AtomicLong();
    private final LedgerTransactions transactions = new LedgerTransactions();
    private final CachedGuildConfigStore cache =
            new CachedGuildConfigStore(database, 100, Duration.ofMinutes(10), nanos::get, transactions);

    @Test
    void aSecondReadIsServedFromMemory() {
        database.rows.put(GUILD, config(GUILD, T0));

        assertThat(cache.find(GUILD)).contains(config(GUILD, T0));
        assertThat(cache.find(GUILD)).contains(config(GUILD, T0));

        assertThat(database.finds.get()).isEqualTo(1);
    }

    @Test
    void absenceIsRememberedToo() {
        assertThat(cache.find(GUILD)).isEmpty();
        assertThat(cache.find(GUILD)).isEmpty();

        assertThat(database.finds.get()).isEqualTo(1);
    }

    @Test
    void aSaveIsWrittenThroughAndReplacesTheCachedValue() {
        assertThat(cache.find(GUILD)).isEmpty();

        cache.save(config(GUILD, T0));

        assertThat(database.rows).containsEntry(GUILD, config(GUILD, T0));
        assertThat(cache.find(GUILD)).contains(config(GUILD, T0));
        assertThat(database.finds.get()).isEqualTo(1);
    }

    @Test
    void aFailedSaveForgetsTheEntrySoTheNextReadAsksTheDatabase() {
        database.rows.put(GUILD, config(GUILD, T0));
        cache.find(GUILD);
        database.failSaves = true;

        assertThatThrownBy(() -> cache.save(config(GUILD, T0.plusSeconds(1)))).isInstanceOf(StoreException.class);

        assertThat(cache.find(GUILD)).contains(config(GUILD, T0));
        assertThat(database.finds.get()).isEqualTo(2);
    }

    @Test
    void aSaveOutsideALedgerTransactionIsAnnouncedRightAway() {
        List<GuildId> changed = new ArrayList<>();
        transactions.onGuildDataChanged(changed::add);

        cache.save(config(GUILD, T0));

        assertThat(changed).containsExactly(GUILD);
    }

    @Test
    void aFailedSaveIsNotAnnounced() {
        List<GuildId> changed = new ArrayList<>();
        transactions.onGuildDataChanged(changed::add);
        database.failSaves = true;

        assertThatThrownBy(() -> cache.save(config(GUILD, T0))).isInstanceOf(StoreException.class);

        assertThat(changed).isEmpty();
    }

    @Test
    void entriesExpireTenMinutesAfterTheyWereWritten() {
        database.rows.put(GUILD, config(GUILD, T0));
        cache.find(GUILD);
        database.rows.put(GUILD, config(GUILD, T0.plusSeconds(60))); // changed by another process

        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        assertThat(cache.find(GUILD)).contains(config(GUILD, T0));

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        assertThat(cache.find(GUILD)).contains(config(GUILD, T0.plusSeconds(60)));
    }

    @Test
    void invalidatingAGuildMakesTheNextReadAskTheDatabase() {
        database.rows.put(GUILD, config(GUILD, T0));
        cache.find(GUILD);
        database.rows.put(GUILD, config(GUILD, T0.plusSeconds(60)));

        cache.invalidate(GUILD);

        assertThat(cache.find(GUILD)).contains(config(GUILD, T0.plusSeconds(60)));
    }

    @Test
    void theNumberOfCachedGuildsIsBounded() {
        for (long id = 1; id <= 1_000; id++) cache.find(GuildId.of(id));

        assertThat(cache.size()).isLessThanOrEqualTo(100);
    }

    @Test
    void aPurgeThatRemovedConfigsEmptiesTheCache() {
        database.rows.put(GUILD, config(GUILD, T0).softDeleted(T0));
        cache.find(GUILD);

        assertThat(cache.purgeDeletedBefore(T0.plusSeconds(1))).isEqualTo(1);

        assertThat(cache.find(GUILD)).isEmpty();
    }

    private static GuildConfig config(GuildId guild, Instant at) {
        return GuildConfig.started(guild, SetupSettings.DEFAULTS, at);
    }

    /** A map standing in for the database, counting reads. */
    private static final class CountingStore implements GuildConfigStore {
        final Map<GuildId, GuildConfig> rows = new HashMap<>();
        final AtomicInteger finds = new AtomicInteger();
        boolean failSaves;

        @Override
        public Optional<GuildConfig> find(GuildId guild) {
            finds.incrementAndGet();
            return Optional.ofNullable(rows.get(guild));
        }

        @Override
        public void save(GuildConfig config) {
            if (failSaves) throw new StoreException(StoreException.Kind.QUERY_FAILED, "disk full", null);
            rows.put(config.guild(), config);
        }

        @Override
        public int purgeDeletedBefore(Instant cutoff) {
            int before = rows.size();
            rows.values().removeIf(config -> config.deletedAt().filter(at -> at.isBefore(cutoff)).isPresent());
            return before - rows.size();
        }

        @Override
        public java.util.List<GuildId> enabling(String moduleId) {
            return rows.values().stream().filter(config -> config.enabledModules().contains(moduleId))
                    .map(GuildConfig::guild).toList();
        }
    }
}
