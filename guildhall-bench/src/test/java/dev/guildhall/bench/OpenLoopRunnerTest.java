package dev.guildhall.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class OpenLoopRunnerTest {
    private static final long START = 1_000_000_000L;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final ManualTicker ticker = new ManualTicker(START);
    private final OpenLoopRunner runner = new OpenLoopRunner(ticker, Thread.ofVirtual().factory());

    @Test
    void everyCommandStartsAtItsPlannedTimeWhileEarlierOnesAreStillWaiting() throws Exception {
        FixedRateSchedule schedule = new FixedRateSchedule(100, 20, 4);
        CountDownLatch allStarted = new CountDownLatch(20);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<ModeResult> run = CompletableFuture.supplyAsync(() -> runQuietly(schedule, (index, guild, timeout) -> {
            allStarted.countDown();
            await(release);
            return new Outcome.Answered(false);
        }));

        // none has answered, yet all twenty were offered: nothing waits for an earlier command
        assertThat(allStarted.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(ticker.deadlines).containsExactlyElementsOf(
                IntStream.range(0, 20).mapToObj(i -> START + i * 10_000_000L).toList());
        release.countDown();
        assertThat(run.get(20, TimeUnit.SECONDS).answered()).isEqualTo(20);
    }

    @Test
    void latencyIsCountedFromThePlannedStartSoQueueingShows() throws Exception {
        FixedRateSchedule schedule = new FixedRateSchedule(10, 10, 1);
        CountDownLatch allStarted = new CountDownLatch(10);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<ModeResult> run = CompletableFuture.supplyAsync(() -> runQuietly(schedule, (index, guild, timeout) -> {
            allStarted.countDown();
            await(release);
            return new Outcome.Answered(false);
        }));
        assertThat(allStarted.await(20, TimeUnit.SECONDS)).isTrue();
        // the system under test answers everything at once, five seconds after the run began
        ticker.set(START + 5_000_000_000L);
        release.countDown();
        ModeResult result = run.get(20, TimeUnit.SECONDS);

        // command i was planned at i * 100 ms, so it waited 5 s - i * 100 ms
        assertThat(result.latency()).isEqualTo(LatencySummary.of(
                IntStream.range(0, 10).mapToLong(i -> 5_000_000_000L - i * 100_000_000L).toArray()));
        assertThat(result.latency().maxNanos()).isEqualTo(5_000_000_000L);
        assertThat(result.elapsedNanos()).isEqualTo(5_000_000_000L);
        assertThat(result.throughput()).isEqualTo(2.0);
    }

    @Test
    void aSystemThatAnswersWithinThePeriodAchievesTheOfferedRate() throws Exception {
        ModeResult result = runner.run("fast", new FixedRateSchedule(200, 400, 5),
                (index, guild, timeout) -> new Outcome.Answered(false), TIMEOUT);

        assertThat(result.answered()).isEqualTo(400);
        assertThat(result.elapsedNanos()).isEqualTo(2_000_000_000L);
        assertThat(result.throughput()).isEqualTo(200.0);
        assertThat(result.offeredRate()).isEqualTo(200.0);
    }

    @Test
    void timeoutsErrorsAndDeferredAnswersAreCountedApart() throws Exception {
        ModeResult result = runner.run("mixed", new FixedRateSchedule(50, 10, 2), (index, guild, timeout) ->
                switch (index % 5) {
                    case 0 -> new Outcome.Answered(false);
                    case 1 -> new Outcome.Answered(true);
                    case 2 -> new Outcome.TimedOut();
                    case 3 -> new Outcome.Failed("refused by the system");
                    default -> throw new IllegalStateException("connection lost");
                }, TIMEOUT);

        assertThat(result.answered()).isEqualTo(4);
        assertThat(result.deferred()).isEqualTo(2);
        assertThat(result.timeouts()).isEqualTo(2);
        assertThat(result.errors()).isEqualTo(4);
        assertThat(result.latency().count()).isEqualTo(4);
        assertThat(result.errorSamples()).containsExactly("refused by the system",
                "IllegalStateException: connection lost");
    }

    @Test
    void eachCommandIsSentToItsGuildWithTheRunsTimeout() throws Exception {
        int[] guilds = new int[6];
        Duration[] timeouts = new Duration[6];

        runner.run("spread", new FixedRateSchedule(100, 6, 3), (index, guild, timeout) -> {
            guilds[index] = guild;
            timeouts[index] = timeout;
            return new Outcome.Answered(false);
        }, TIMEOUT);

        assertThat(guilds).containsExactly(0, 1, 2, 0, 1, 2);
        assertThat(timeouts).containsOnly(TIMEOUT);
    }

    @Test
    void anEmptyRunAnswersNothing() throws Exception {
        ModeResult result = runner.run("none", new FixedRateSchedule(10, 0, 1), (index, guild, timeout) -> {
            throw new AssertionError("no command should be sent");
        }, TIMEOUT);

        assertThat(result.answered()).isZero();
        assertThat(result.latency()).isEqualTo(LatencySummary.EMPTY);
        assertThat(result.throughput()).isZero();
    }

    private ModeResult runQuietly(FixedRateSchedule schedule, CommandSender sender) {
        try {
            return runner.run("test", schedule, sender, TIMEOUT);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
