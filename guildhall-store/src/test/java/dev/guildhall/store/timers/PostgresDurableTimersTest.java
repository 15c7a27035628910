package dev.guildhall.store.timers;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.testkit.PostgresExtension;
import dev.guildhall.store.Store;
import dev.guildhall.store.StoreSettings;
import dev.guildhall.testkit.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on a real PostgreSQL server, plus what only a shared server can show: several workers, one firing. */
@ExtendWith(PostgresExtension.class)
class PostgresDurableTimersTest extends DurableTimersContract {
    private final PostgresServer server;

    PostgresDurableTimersTest(PostgresServer server) {
        this.server = server;
    }

    @Override
    protected StoreSettings freshSettings() {
        return StoreSettings.postgres(PostgresExtension.freshDatabaseUrl(server), server.user(), server.password());
    }

    @Test
    void twoWorkersOnOneDatabaseFireEachTimerExactlyOnce() {
        Store first = own(Store.open(settings, clock));
        Store second = own(Store.open(settings, clock));
        Fired firedOnFirst = new Fired();
        Fired firedOnSecond = new Fired();
        DurableTimers one = started(first, firedOnFirst, "worker-1");
        DurableTimers two = started(second, firedOnSecond, "worker-2");
        int count = 40;
        Instant at = START.plus(Duration.ofMinutes(5));
        for (int i = 0; i < count; i++) (i % 2 == 0 ? one : two).schedule(GUILD, "frolf:start", "r" + i, at.plusSeconds(i));

        clock.advance(Duration.ofHours(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (firedOnFirst.all().size() + firedOnSecond.all().size() < count) {
            if (System.nanoTime() > deadline) throw new AssertionError("not every timer fired in time");
            Fired.pause();
        }
        awaitPollPast(one, firedOnFirst);
        awaitPollPast(two, firedOnSecond);

        List<String> ids = Stream.concat(firedOnFirst.all().stream(), firedOnSecond.all().stream())
                .map(Envelope::id).filter(id -> id.startsWith("timer:frolf:start:")).toList();
        assertThat(ids).hasSize(count).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count)
                        .mapToObj(i -> "timer:frolf:start:r" + i + ":" + at.plusSeconds(i).toEpochMilli()).toList());
    }
}
