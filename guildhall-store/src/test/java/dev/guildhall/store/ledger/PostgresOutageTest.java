package dev.guildhall.store.ledger;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreException;
import dev.guildhall.store.StoreFailures;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

/**
 * PostgreSQL going away under an open store and coming back: calls fail as unavailable meanwhile, and the same store
 * serves again afterwards without being reopened. Each test has a server of its own, since it stops it.
 */
class PostgresOutageTest {
    private static final GuildId GUILD = GuildId.of(999_999_999_999_999_999L);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private PostgresServer server;
    private Store store;

    @BeforeEach
    void open() {
        server = PostgresServer.launch();
        store = Store.open(StoreSettings.postgres(server.jdbcUrl(), server.user(), server.password()));
    }

    @AfterEach
    void close() {
        store.close();
        server.close();
    }

    @Test
    void whileTheServerIsDownCallsFailAsUnavailableAndTheSameStoreServesOnceItIsBack() throws Exception {
        store.envelopeLedger().process(GUILD, "before", () -> {
            store.commandSyncs().recordHash(GUILD, "h1");
            return List.of("a");
        });

        server.stop();

        Throwable read = catchThrowable(() -> store.commandSyncs().lastHash(GUILD));
        assertThat(read).isInstanceOf(StoreException.class);
        assertThat(StoreFailures.isUnavailable(read)).as("a read while down: %s", read).isTrue();
        AtomicInteger runs = new AtomicInteger();
        Throwable handling = catchThrowable(() -> store.envelopeLedger().process(GUILD, "during", () -> {
            runs.incrementAndGet();
            return List.of();
        }));
        assertThat(StoreFailures.isUnavailable(handling)).as("an envelope while down: %s", handling).isTrue();
        assertThat(handling).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.UNREACHABLE));
        assertThat(runs).as("no handler runs without a database").hasValue(0);

        server.start();

        EnvelopeLedger.Outcome after = awaitSuccess(() -> store.envelopeLedger().process(GUILD, "during", () -> List.of("b")));
        assertThat(after).isEqualTo(new EnvelopeLedger.Outcome(true, List.of("b")));
        assertThat(store.envelopeLedger().process(GUILD, "before", () -> fail("the handler ran twice")))
                .isEqualTo(new EnvelopeLedger.Outcome(false, List.of("a")));
        assertThat(store.commandSyncs().lastHash(GUILD)).contains("h1");
    }

    @Test
    void aTransactionCutByTheServerStoppingFailsAsUnavailableAndLeavesNothing() throws Exception {
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            Future<Throwable> cut = thread.submit(() -> catchThrowable(() -> store.envelopeLedger().process(GUILD, "cut", () -> {
                store.commandSyncs().recordHash(GUILD, "before the stop");
                inHandler.countDown();
                assertThat(stopped.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
                store.commandSyncs().recordHash(GUILD, "after the stop");
                return List.of("never");
            })));
            assertThat(inHandler.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            server.stop();
            stopped.countDown();

            Throwable failure = cut.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(StoreFailures.isUnavailable(failure)).as("the cut transaction: %s", failure).isTrue();
        }

        server.start();

        assertThat(awaitSuccess(() -> store.commandSyncs().lastHash(GUILD))).isEmpty();
        assertThat(store.envelopeLedger().process(GUILD, "cut", () -> List.of("now")).handledNow()).isTrue();
    }

    /** Retries {@code call} while it fails as unavailable, for up to 30 s. */
    private static <T> T awaitSuccess(Callable<T> call) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                return call.call();
            } catch (StoreException e) {
                if (!StoreFailures.isUnavailable(e) || System.nanoTime() > deadline) throw e;
                Thread.sleep(100);
            }
        }
    }
}
