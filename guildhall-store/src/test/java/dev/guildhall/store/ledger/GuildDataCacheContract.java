package dev.guildhall.store.ledger;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The guild config and module settings caches stay true to what is committed when handlers write inside ledger
 * transactions, and other processes are told of committed changes only. Run against each database.
 */
abstract class GuildDataCacheContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final GuildId GUILD = GuildId.of(777_777_777_777_777_777L);
    private static final GuildConfig OLD = GuildConfig.started(GUILD, SetupSettings.DEFAULTS, T0);
    private static final GuildConfig NEW = GuildConfig.started(GUILD, SetupSettings.DEFAULTS, T0.plusSeconds(60));
    private static final NotesModule NOTES = EveryRepository.NOTES;

    private final List<GuildId> announced = new CopyOnWriteArrayList<>();
    private Store store;

    protected abstract StoreSettings freshSettings();

    @BeforeEach
    void open() {
        store = Store.open(freshSettings(), Clock.fixed(T0, ZoneOffset.UTC));
        store.onGuildDataChanged(announced::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aConfigSavedByAHandlerThatThenFailsIsNotLeftInTheCache() {
        store.guildConfigs().save(OLD);
        assertThat(store.guildConfigs().find(GUILD)).contains(OLD);

        assertThatThrownBy(() -> store.envelopeLedger().process(GUILD, "e-1", () -> {
            store.guildConfigs().save(NEW);
            assertThat(store.guildConfigs().find(GUILD)).as("the handler reads its own write").contains(NEW);
            throw new IllegalStateException("a bug after the save");
        })).hasMessage("a bug after the save");

        assertThat(store.guildConfigs().find(GUILD)).contains(OLD);
        assertThat(store.guildConfigsUncached().find(GUILD)).contains(OLD);
    }

    @Test
    void settingsSetByAHandlerThatThenFailsAreNotLeftInTheCache() {
        store.moduleSettings().set(GUILD, NOTES, "motto", "old");
        assertThat(store.moduleSettings().load(GUILD, NOTES).string("motto")).isEqualTo("old");

        assertThatThrownBy(() -> store.envelopeLedger().process(GUILD, "e-1", () -> {
            store.moduleSettings().set(GUILD, NOTES, "motto", "new");
            assertThat(store.moduleSettings().load(GUILD, NOTES).string("motto")).as("own write").isEqualTo("new");
            throw new IllegalStateException("a bug after the write");
        })).hasMessage("a bug after the write");

        assertThat(store.moduleSettings().load(GUILD, NOTES).string("motto")).isEqualTo("old");
    }

    @Test
    void whatAHandlerCommittedIsWhatTheCachesServeAfterwards() throws Exception {
        store.guildConfigs().save(OLD);
        store.moduleSettings().set(GUILD, NOTES, "motto", "old");

        store.envelopeLedger().process(GUILD, "e-1", () -> {
            store.guildConfigs().save(NEW);
            store.moduleSettings().set(GUILD, NOTES, "motto", "new");
            return List.of();
        });

        assertThat(store.guildConfigs().find(GUILD)).contains(NEW);
        assertThat(store.moduleSettings().load(GUILD, NOTES).string("motto")).isEqualTo("new");
    }

    @Test
    void listenersHearOfAGuildOnceItsChangesCommitAndNotBefore() throws Exception {
        store.envelopeLedger().process(GUILD, "e-1", () -> {
            store.guildConfigs().save(NEW);
            store.moduleSettings().set(GUILD, NOTES, "motto", "new");
            assertThat(announced).as("nothing is announced before the commit").isEmpty();
            return List.of();
        });

        assertThat(announced).containsExactly(GUILD);
    }

    @Test
    void listenersHearNothingOfChangesThatRolledBack() {
        assertThatThrownBy(() -> store.envelopeLedger().process(GUILD, "e-1", () -> {
            store.guildConfigs().save(NEW);
            store.moduleSettings().set(GUILD, NOTES, "motto", "new");
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        assertThat(announced).isEmpty();
    }

    @Test
    void listenersHearNothingWhenAHandlerWroteNoConfigOrSettings() throws Exception {
        store.envelopeLedger().process(GUILD, "e-1", () -> {
            store.commandSyncs().recordHash(GUILD, "h");
            return List.of();
        });

        assertThat(announced).isEmpty();
    }

    @Test
    void writesOutsideALedgerTransactionAreAnnouncedRightAway() {
        store.guildConfigs().save(NEW);
        assertThat(announced).containsExactly(GUILD);

        store.moduleSettings().set(GUILD, NOTES, "motto", "new");
        assertThat(announced).containsExactly(GUILD, GUILD);
    }

    @Test
    void aFailingListenerDoesNotUndoTheCommittedEnvelope() throws Exception {
        store.onGuildDataChanged(guild -> {
            throw new IllegalStateException("NATS is down");
        });

        EnvelopeLedger.Outcome outcome = store.envelopeLedger().process(GUILD, "e-1", () -> {
            store.guildConfigs().save(NEW);
            return List.of("a");
        });

        assertThat(outcome.handledNow()).isTrue();
        assertThat(store.guildConfigsUncached().find(GUILD)).contains(NEW);
        assertThat(announced).containsExactly(GUILD);
    }

    @Test
    void invalidatingAGuildDropsItsCachedConfigAndSettings() {
        store.guildConfigs().save(OLD);
        store.moduleSettings().set(GUILD, NOTES, "motto", "old");
        store.guildConfigs().find(GUILD);
        store.moduleSettings().load(GUILD, NOTES);
        // another process changes both behind this one's caches
        try (Store other = Store.open(store.settings())) {
            other.guildConfigs().save(NEW);
            other.moduleSettings().set(GUILD, NOTES, "motto", "new");
        }
        assertThat(store.guildConfigs().find(GUILD)).contains(OLD);

        store.invalidateCachedGuild(GUILD);

        assertThat(store.guildConfigs().find(GUILD)).contains(NEW);
        assertThat(store.moduleSettings().load(GUILD, NOTES).string("motto")).isEqualTo("new");
    }

    @Test
    void invalidatingTheOldWayDropsTheSettingsToo() {
        store.moduleSettings().load(GUILD, NOTES);
        Jdbi.create(store.dataSource()).useHandle(handle -> handle.execute("""
                INSERT INTO module_settings (guild_id, module_id, settings_json, updated_at)
                VALUES (?, 'notes', '{"motto":"behind"}', 0)""", GUILD.value()));

        store.invalidateCachedConfig(GUILD);

        assertThat(store.moduleSettings().load(GUILD, NOTES).string("motto")).isEqualTo("behind");
    }
}
