package dev.guildhall.store;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.ManagedResource;
import dev.guildhall.core.guild.RoleKind;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.guild.SetupStatus;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.GuildConfigStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link GuildConfigStore} must do; a subclass per database (and for the cache) runs it. */
abstract class GuildConfigStoreContract {
    protected static final Instant T0 = Instant.parse("2025-06-01T12:00:00.123Z");
    protected static final GuildId GUILD_A = GuildId.of(1_100_000_000_000_000_001L);
    protected static final GuildId GUILD_B = GuildId.of(1_100_000_000_000_000_002L);

    protected Store store;
    protected GuildConfigStore configs;

    /** Settings of a new, empty database. */
    protected abstract StoreSettings freshSettings();

    /** The store under test, taken from {@code store}. */
    protected abstract GuildConfigStore configsOf(Store store);

    @BeforeEach
    void openStore() {
        store = Store.open(freshSettings());
        configs = configsOf(store);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void findsNothingForAGuildNeverSaved() {
        assertThat(configs.find(GUILD_A)).isEmpty();
    }

    @Test
    void aFullConfigRoundTripsEveryField() {
        GuildConfig full = fullConfig(GUILD_A);

        configs.save(full);

        assertThat(configs.find(GUILD_A)).contains(full);
    }

    @Test
    void aFreshlyStartedConfigRoundTripsWithItsEmptyParts() {
        GuildConfig started = GuildConfig.started(GUILD_A, SetupSettings.DEFAULTS, T0);

        configs.save(started);

        assertThat(configs.find(GUILD_A)).contains(started);
    }

    @Test
    void savingAgainReplacesTheWholeConfig() {
        configs.save(fullConfig(GUILD_A));
        GuildConfig replaced = new GuildConfig(GUILD_A, SetupStatus.IN_PROGRESS,
                new SetupSettings("other", "P", "E", "A"),
                Map.of("frolf.events", ManagedResource.adopted(900L)), Map.of(),
                Set.of("audit"), Optional.empty(), T0.plusSeconds(60));

        configs.save(replaced);

        assertThat(configs.find(GUILD_A)).contains(replaced);
        assertThat(store.guildConfigsUncached().find(GUILD_A)).contains(replaced);
    }

    @Test
    void softDeleteAndRestoreAreStored() {
        GuildConfig live = fullConfig(GUILD_A).restored(T0);
        configs.save(live);

        configs.save(live.softDeleted(T0.plusSeconds(5)));
        assertThat(configs.find(GUILD_A)).hasValueSatisfying(config -> {
            assertThat(config.isDeleted()).isTrue();
            assertThat(config.deletedAt()).contains(T0.plusSeconds(5));
        });

        configs.save(live.softDeleted(T0.plusSeconds(5)).restored(T0.plusSeconds(9)));
        assertThat(configs.find(GUILD_A)).hasValueSatisfying(config -> {
            assertThat(config.isDeleted()).isFalse();
            assertThat(config.updatedAt()).isEqualTo(T0.plusSeconds(9));
        });
    }

    @Test
    void purgeRemovesOnlyConfigsSoftDeletedBeforeTheCutoff() {
        GuildId live = GuildId.of(3_000L);
        configs.save(fullConfig(GUILD_A).softDeleted(T0));
        configs.save(fullConfig(GUILD_B).softDeleted(T0.plus(Duration.ofDays(2))));
        configs.save(fullConfig(live).restored(T0.minus(Duration.ofDays(40))));

        int purged = configs.purgeDeletedBefore(T0.plus(Duration.ofDays(1)));

        assertThat(purged).isEqualTo(1);
        assertThat(configs.find(GUILD_A)).isEmpty();
        assertThat(store.guildConfigsUncached().find(GUILD_A)).isEmpty();
        assertThat(configs.find(GUILD_B)).isPresent();
        assertThat(configs.find(live)).isPresent();
        assertThat(configs.purgeDeletedBefore(T0.plus(Duration.ofDays(1)))).isZero();
    }

    @Test
    void purgeKeepsAConfigDeletedExactlyAtTheCutoff() {
        configs.save(fullConfig(GUILD_A).softDeleted(T0));

        assertThat(configs.purgeDeletedBefore(T0)).isZero();
        assertThat(configs.purgeDeletedBefore(T0.plusNanos(1))).isEqualTo(1);
    }

    @Test
    void operationsOnOneGuildNeverReadOrChangeAnother() {
        GuildConfig a = fullConfig(GUILD_A);
        GuildConfig b = GuildConfig.started(GUILD_B, new SetupSettings("bee", "Bp", "Be", "Ba"), T0);
        configs.save(a);
        configs.save(b);

        assertThat(configs.find(GUILD_A)).contains(a);
        assertThat(configs.find(GUILD_B)).contains(b);

        configs.save(a.withStatus(SetupStatus.IN_PROGRESS, T0.plusSeconds(1)).withEnabledModules(Set.of(), T0.plusSeconds(1)));
        assertThat(configs.find(GUILD_B)).contains(b);

        configs.save(a.softDeleted(T0.plusSeconds(2)));
        assertThat(configs.purgeDeletedBefore(T0.plusSeconds(3))).isEqualTo(1);

        assertThat(configs.find(GUILD_A)).isEmpty();
        assertThat(configs.find(GUILD_B)).contains(b);
        assertThat(store.guildConfigsUncached().find(GUILD_B)).contains(b);
    }

    @Test
    void instantsAreKeptToTheMillisecond() {
        Instant precise = Instant.parse("2025-06-01T12:00:00.123456789Z");
        GuildConfig config = fullConfig(GUILD_A).softDeleted(precise);

        configs.save(config);

        Instant millis = Instant.parse("2025-06-01T12:00:00.123Z");
        assertThat(configs.find(GUILD_A)).hasValueSatisfying(found -> {
            assertThat(found.updatedAt()).isEqualTo(millis);
            assertThat(found.deletedAt()).contains(millis);
        });
        assertThat(store.guildConfigsUncached().find(GUILD_A)).isEqualTo(configs.find(GUILD_A));
    }

    @Test
    void listsOnlyTheLiveGuildsThatEnableAModule() {
        GuildId gone = GuildId.of(1_100_000_000_000_000_003L);
        GuildConfig base = GuildConfig.started(GUILD_A, SetupSettings.DEFAULTS, T0);
        configs.save(base.withEnabledModules(Set.of("poll", "dice"), T0));
        configs.save(GuildConfig.started(GUILD_B, SetupSettings.DEFAULTS, T0).withEnabledModules(Set.of("dice"), T0));
        configs.save(GuildConfig.started(gone, SetupSettings.DEFAULTS, T0).withEnabledModules(Set.of("poll"), T0)
                .softDeleted(T0));

        assertThat(configs.enabling("poll")).containsExactly(GUILD_A);
        assertThat(configs.enabling("dice")).containsExactlyInAnyOrder(GUILD_A, GUILD_B);
        assertThat(configs.enabling("none")).isEmpty();
    }

    /** Every field set, with values that catch mix-ups: each resource flag combination, unicode text. */
    protected static GuildConfig fullConfig(GuildId guild) {
        SetupSettings settings = new SetupSettings("club-7", "Putter «weekly»", "Marshal", "Director");
        return new GuildConfig(guild, SetupStatus.COMPLETE, settings,
                Map.of("frolf.events", ManagedResource.created(11L),
                        "frolf.leaderboard", ManagedResource.adopted(12L),
                        "moderation.log", ManagedResource.created(13L).markMissing()),
                Map.of(RoleKind.PLAYER.key(), ManagedResource.created(21L),
                        RoleKind.EDITOR.key(), ManagedResource.adopted(22L).markMissing(),
                        RoleKind.ADMIN.key(), ManagedResource.created(Long.MAX_VALUE),
                        "moderation.muted", ManagedResource.created(23L)),
                Set.of("frolf", "audit", "moderation"),
                Optional.of(T0.minusSeconds(30)), T0);
    }
}
