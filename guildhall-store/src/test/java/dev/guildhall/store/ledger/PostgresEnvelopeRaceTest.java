package dev.guildhall.store.ledger;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.PostgresServer;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two workers (two stores, two pools) given the same envelope at once, on PostgreSQL. The second waits on the first's
 * claim of the envelope's record; the test releases the first only once PostgreSQL shows that wait, so the race
 * happens every run.
 */
@ExtendWith(PostgresExtension.class)
class PostgresEnvelopeRaceTest {
    private static final GuildId GUILD = GuildId.of(888_888_888_888_888_888L);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final PostgresServer server;
    private final StoreSettings settings;

    PostgresEnvelopeRaceTest(PostgresServer server) {
        this.server = server;
        this.settings = StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password());
    }

    @Test
    void theHandlerRunsOnceAndBothWorkersAnswerWithTheWinnersActions() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstInHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Store first = Store.open(settings); Store second = Store.open(settings);
             ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<EnvelopeLedger.Outcome> winner = threads.submit(() -> first.envelopeLedger().process(GUILD, "e-1", () -> {
                runs.incrementAndGet();
                first.commandSyncs().recordHash(GUILD, "winner");
                firstInHandler.countDown();
                assertThat(release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                return List.of("winner");
            }));
            assertThat(firstInHandler.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<EnvelopeLedger.Outcome> loser = threads.submit(() -> second.envelopeLedger().process(GUILD, "e-1", () -> {
                runs.incrementAndGet();
                second.commandSyncs().recordHash(GUILD, "loser");
                return List.of("loser");
            }));
            awaitASessionWaitingOnALock();
            release.countDown();

            assertThat(winner.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new EnvelopeLedger.Outcome(true, List.of("winner")));
            assertThat(loser.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new EnvelopeLedger.Outcome(false, List.of("winner")));
            assertThat(runs).hasValue(1);
            assertThat(second.commandSyncs().lastHash(GUILD)).contains("winner");
        }
    }

    @Test
    void whenTheFirstWorkersHandlerFailsTheWaitingWorkerHandlesTheEnvelope() throws Exception {
        CountDownLatch firstInHandler = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Store first = Store.open(settings); Store second = Store.open(settings);
             ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<EnvelopeLedger.Outcome> failing = threads.submit(() -> first.envelopeLedger().process(GUILD, "e-1", () -> {
                first.commandSyncs().recordHash(GUILD, "failed");
                firstInHandler.countDown();
                assertThat(release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                throw new IllegalStateException("the first worker's handler failed");
            }));
            assertThat(firstInHandler.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            Future<EnvelopeLedger.Outcome> waiting = threads.submit(() -> second.envelopeLedger().process(GUILD, "e-1", () -> {
                second.commandSyncs().recordHash(GUILD, "second");
                return List.of("second");
            }));
            awaitASessionWaitingOnALock();
            release.countDown();

            assertThat(waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .isEqualTo(new EnvelopeLedger.Outcome(true, List.of("second")));
            assertThat(failing).failsWithin(PATIENCE).withThrowableThat()
                    .havingRootCause().withMessage("the first worker's handler failed");
            assertThat(first.commandSyncs().lastHash(GUILD)).contains("second");
        }
    }

    /** Polls PostgreSQL's view of its sessions until one of this database waits for a lock another holds. */
    private void awaitASessionWaitingOnALock() throws InterruptedException {
        Jdbi observer = Jdbi.create(settings.postgresUrl().orElseThrow(), server.user(), server.password());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (observer.withHandle(handle -> handle.createQuery("""
                        SELECT COUNT(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND wait_event_type = 'Lock'""")
                .mapTo(Integer.class).one()) == 0) {
            assertThat(System.nanoTime()).as("a session waits on the envelope's record within 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
