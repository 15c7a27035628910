package dev.guildhall.store.ledger;

import dev.guildhall.core.guild.GuildConfig;
import dev.guildhall.core.guild.SetupSettings;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreException;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.store.timers.DurableTimers;
import dev.guildhall.store.timers.MovableClock;
import dev.guildhall.store.timers.TimerSettings;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/** What the envelope ledger must do on every database; a subclass per database runs it. */
abstract class EnvelopeLedgerContract {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    static final GuildId GUILD = GuildId.of(555_555_555_555_555_555L);
    static final GuildId OTHER_GUILD = GuildId.of(666_666_666_666_666_666L);

    protected final MovableClock clock = new MovableClock(T0);
    protected StoreSettings settings;
    protected Store store;
    protected DurableTimers timers;

    protected abstract StoreSettings freshSettings();

    @BeforeEach
    void open() {
        settings = freshSettings();
        store = Store.open(settings, clock);
        EveryRepository.migrateModule(store);
        // never started: only setting timers is under test
        timers = DurableTimers.create(store.dataSource(), clock, TimerSettings.defaults(), envelope -> { });
    }

    @AfterEach
    void close() {
        timers.close();
        store.close();
    }

    protected EnvelopeLedger ledger() {
        return store.envelopeLedger();
    }

    @Test
    void whatTheHandlerWritesCommitsWithTheRecordOfItsActions() throws Exception {
        EnvelopeLedger.Outcome outcome = ledger().process(GUILD, "e-1", () -> {
            EveryRepository.write(store, timers, GUILD, T0);
            return List.of("{\"reply\":1}", "{\"send\":2}");
        });

        assertThat(outcome).isEqualTo(new EnvelopeLedger.Outcome(true, List.of("{\"reply\":1}", "{\"send\":2}")));
        assertThat(EveryRepository.rows(store, GUILD)).allSatisfy((table, rows) -> assertThat(rows).as(table).isEqualTo(1));
    }

    @Test
    void aHandlerThatThrowsLeavesNoRowAndNoRecordAndItsExceptionComesOutAsThrown() {
        HandlerBroke broke = new HandlerBroke();

        Throwable thrown = catchThrowable(() -> ledger().process(GUILD, "e-1", () -> {
            EveryRepository.write(store, timers, GUILD, T0);
            throw broke;
        }));

        assertThat(thrown).isSameAs(broke);
        assertThat(EveryRepository.rows(store, GUILD)).isEqualTo(EveryRepository.none());
    }

    @Test
    void codeTakingAPlainConnectionJoinsTheHandlersTransactionAndCannotEndIt() {
        Throwable thrown = catchThrowable(() -> ledger().process(GUILD, "e-1", () -> {
            try (Connection connection = store.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO command_sync (guild_id, command_hash, synced_at) VALUES ("
                        + GUILD.value() + ", 'plain', 0)");
                assertThatThrownBy(connection::commit).isInstanceOf(SQLException.class);
                assertThatThrownBy(() -> connection.setAutoCommit(true)).isInstanceOf(SQLException.class);
            }
            // closing it above left the transaction open: the repositories still write in it
            store.guildConfigs().save(GuildConfig.started(GUILD, SetupSettings.DEFAULTS, T0));
            throw new HandlerBroke();
        }));

        assertThat(thrown).isInstanceOf(HandlerBroke.class);
        assertThat(EveryRepository.rows(store, GUILD)).isEqualTo(EveryRepository.none());
    }

    @Test
    void anEnvelopeWhoseHandlerFailedIsHandledWhenItComesAgain() throws Exception {
        assertThatThrownBy(() -> ledger().process(GUILD, "e-1", () -> {
            throw new IllegalStateException("a bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("a bug");

        EnvelopeLedger.Outcome again = ledger().process(GUILD, "e-1", () -> List.of("done"));

        assertThat(again).isEqualTo(new EnvelopeLedger.Outcome(true, List.of("done")));
    }

    @Test
    void aRedeliveredEnvelopeReturnsItsStoredActionsWithoutRunningTheHandler() throws Exception {
        ledger().process(GUILD, "e-1", () -> List.of("a", "b"));

        EnvelopeLedger.Outcome again = ledger().process(GUILD, "e-1", () -> fail("the handler ran twice"));

        assertThat(again).isEqualTo(new EnvelopeLedger.Outcome(false, List.of("a", "b")));
    }

    @Test
    void anotherWorkerOnTheSameDatabaseRecognisesTheEnvelopeToo() throws Exception {
        ledger().process(GUILD, "e-1", () -> List.of("a"));

        try (Store other = Store.open(settings, clock)) {
            assertThat(other.envelopeLedger().process(GUILD, "e-1", () -> fail("the handler ran twice")))
                    .isEqualTo(new EnvelopeLedger.Outcome(false, List.of("a")));
        }
    }

    @Test
    void aHandlerThatProducedNoActionIsRecordedToo() throws Exception {
        ledger().process(GUILD, "e-1", List::of);

        assertThat(ledger().process(GUILD, "e-1", () -> fail("the handler ran twice")))
                .isEqualTo(new EnvelopeLedger.Outcome(false, List.of()));
    }

    @Test
    void theSameEnvelopeIdInAnotherGuildIsAnotherEnvelope() throws Exception {
        ledger().process(GUILD, "e-1", () -> List.of("a"));

        EnvelopeLedger.Outcome other = ledger().process(OTHER_GUILD, "e-1", () -> List.of("b"));

        assertThat(other).isEqualTo(new EnvelopeLedger.Outcome(true, List.of("b")));
    }

    @Test
    void aHandlerThatReturnsNoListRollsBack() {
        assertThatThrownBy(() -> ledger().process(GUILD, "e-1", () -> {
            store.commandSyncs().recordHash(GUILD, "h");
            return null;
        })).isInstanceOf(NullPointerException.class);

        assertThat(EveryRepository.rows(store, GUILD)).isEqualTo(EveryRepository.none());
    }

    @Test
    void aLedgerCallInsideAHandlerIsRefusedAndTheOuterEnvelopeRollsBack() {
        assertThatThrownBy(() -> ledger().process(GUILD, "e-1", () -> {
            store.commandSyncs().recordHash(GUILD, "h");
            return ledger().process(GUILD, "e-2", List::of).actions();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("do not nest");

        assertThat(EveryRepository.rows(store, GUILD)).isEqualTo(EveryRepository.none());
    }

    @Test
    void aUniqueViolationInTheHandlerOfAnUnrecordedEnvelopeComesOutUnchanged() {
        SQLException duplicate = new SQLException("duplicate key", "23505");
        StoreException failure = new StoreException(StoreException.Kind.QUERY_FAILED, "could not insert", duplicate);

        Throwable thrown = catchThrowable(() -> ledger().process(GUILD, "e-1", () -> {
            throw failure;
        }));

        assertThat(thrown).isSameAs(failure);
    }

    @Test
    void aMissingEnvelopeIdIsRefusedBeforeAnythingRuns() {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> ledger().process(GUILD, " ", () -> List.of(String.valueOf(runs.incrementAndGet()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(runs).hasValue(0);
    }

    @Test
    void unreadableStoredActionsFailAsCorruptData() throws Exception {
        ledger().process(GUILD, "e-1", () -> List.of("a"));
        Jdbi.create(store.dataSource()).useHandle(handle -> handle.execute(
                "UPDATE processed_event SET actions = 'not json' WHERE event_id = 'e-1'"));

        assertThatThrownBy(() -> ledger().process(GUILD, "e-1", () -> fail("the handler ran twice")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.CORRUPT_DATA));
    }

    @Test
    void purgingForgetsOnlyEnvelopesHandledBeforeTheCutoff() throws Exception {
        ledger().process(GUILD, "old", () -> List.of("a"));
        clock.advance(Duration.ofDays(8));
        ledger().process(GUILD, "recent", () -> List.of("b"));

        int purged = ledger().purgeProcessedBefore(clock.instant().minus(Duration.ofDays(7)));

        assertThat(purged).isEqualTo(1);
        assertThat(ledger().process(GUILD, "recent", () -> fail("the handler ran twice")).handledNow()).isFalse();
        assertThat(ledger().process(GUILD, "old", () -> List.of("c")).handledNow()).isTrue();
    }

    @Test
    void theLedgerKeepsOneRecordPerHandledEnvelope() throws Exception {
        ledger().process(GUILD, "e-1", () -> List.of("a"));
        ledger().process(GUILD, "e-1", () -> List.of("b"));
        ledger().process(GUILD, "e-2", () -> List.of("c"));

        Map<String, Integer> rows = EveryRepository.rows(store, GUILD);

        assertThat(rows).containsEntry("processed_event", 2);
    }

    @Test
    void anExecutedActionIsRecordedOncePerGuildAndForgottenAfterTheCutoff() {
        ExecutedActions executed = store.executedActions();
        executed.record(GUILD, "e-1@notes/1");
        executed.record(GUILD, "e-1@notes/1");
        clock.advance(Duration.ofDays(8));
        executed.record(GUILD, "e-2@notes/1");

        assertThat(executed.wasExecuted(GUILD, "e-1@notes/1")).isTrue();
        assertThat(executed.wasExecuted(OTHER_GUILD, "e-1@notes/1")).isFalse();
        assertThat(executed.purgeExecutedBefore(clock.instant().minus(Duration.ofDays(7)))).isEqualTo(1);
        assertThat(executed.wasExecuted(GUILD, "e-1@notes/1")).isFalse();
        assertThat(executed.wasExecuted(GUILD, "e-2@notes/1")).isTrue();
    }

    @Test
    void recentEnvelopesWithStoredActionsAndRecentlyExecutedActionsAreReadInOneSweep() throws Exception {
        ledger().process(GUILD, "old", () -> List.of("a"));
        store.executedActions().record(GUILD, "old/1");
        clock.advance(Duration.ofHours(2));
        Instant since = clock.instant();
        ledger().process(GUILD, "quiet", List::of);
        ledger().process(GUILD, "recent", () -> List.of("b", "c"));
        clock.advance(Duration.ofSeconds(1));
        ledger().process(OTHER_GUILD, "recent", () -> List.of("d"));
        store.executedActions().record(GUILD, "recent/1");

        assertThat(ledger().storedActionsSince(since)).as("oldest first; none without actions").containsExactly(
                new EnvelopeLedger.StoredUnit(GUILD, "recent", List.of("b", "c")),
                new EnvelopeLedger.StoredUnit(OTHER_GUILD, "recent", List.of("d")));
        assertThat(store.executedActions().executedSince(since))
                .containsExactly(new ExecutedActions.Executed(GUILD, "recent/1"));
    }

    @Test
    void anExecutedActionCannotBeRecordedInsideAnEnvelopesTransaction() {
        assertThatThrownBy(() -> ledger().process(GUILD, "e-1", () -> {
            store.executedActions().record(GUILD, "e-1/1");
            return List.of();
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside an envelope's transaction");

        assertThat(store.executedActions().wasExecuted(GUILD, "e-1/1")).isFalse();
    }

    /** A handler's own checked exception. */
    static final class HandlerBroke extends Exception {
        HandlerBroke() {
            super("the handler broke");
        }
    }
}
