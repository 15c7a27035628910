package dev.guildhall.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Offers a run's commands at their planned times, each on a thread of its own, never waiting for earlier ones: a
 * slow system meets the same arrivals a fast one does (an open loop). Latency is counted from a command's planned
 * start, not from when its thread got going, so queueing anywhere, the load generator included, shows in the figures
 * instead of being hidden by late starts (coordinated omission).
 */
final class OpenLoopRunner {
    /** Beyond the commands' own timeout, how long the run waits for a sender that overruns it. */
    private static final Duration OVERRUN = Duration.ofSeconds(60);
    private static final int ERROR_SAMPLES = 3;

    private final Ticker ticker;
    private final ThreadFactory threads;

    OpenLoopRunner(Ticker ticker, ThreadFactory threads) {
        this.ticker = ticker;
        this.threads = threads;
    }

    static OpenLoopRunner onVirtualThreads() {
        return new OpenLoopRunner(Ticker.system(), Thread.ofVirtual().name("bench-command-", 0).factory());
    }

    ModeResult run(String mode, FixedRateSchedule schedule, CommandSender sender, Duration timeout)
            throws InterruptedException {
        int count = schedule.count();
        AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(count);
        AtomicLongArray finished = new AtomicLongArray(count);
        CountDownLatch done = new CountDownLatch(count);
        long start = ticker.read();
        for (int i = 0; i < count; i++) {
            ticker.parkUntil(start + schedule.plannedOffsetNanos(i));
            int index = i;
            int guild = schedule.guildOf(i);
            threads.newThread(() -> {
                Outcome outcome;
                try {
                    outcome = sender.send(index, guild, timeout);
                } catch (RuntimeException e) {
                    outcome = new Outcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                finished.set(index, ticker.read());
                outcomes.set(index, outcome);
                done.countDown();
            }).start();
        }
        done.await(timeout.plus(OVERRUN).toMillis(), TimeUnit.MILLISECONDS);
        return summarise(mode, schedule, start, outcomes, finished);
    }

    private static ModeResult summarise(String mode, FixedRateSchedule schedule, long start,
                                        AtomicReferenceArray<Outcome> outcomes, AtomicLongArray finished) {
        int answered = 0, deferred = 0, timeouts = 0, errors = 0;
        long elapsed = schedule.windowNanos();
        List<Long> latencies = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (int i = 0; i < schedule.count(); i++) {
            Outcome outcome = outcomes.get(i);
            switch (outcome) {
                case Outcome.Answered answer -> {
                    answered++;
                    if (answer.deferred()) deferred++;
                    long end = finished.get(i) - start;
                    latencies.add(end - schedule.plannedOffsetNanos(i));
                    elapsed = Math.max(elapsed, end);
                }
                case Outcome.Failed failure -> {
                    errors++;
                    if (reasons.size() < ERROR_SAMPLES) reasons.add(failure.reason());
                }
                case Outcome.TimedOut timedOut -> timeouts++;
                // still running past the overrun allowance: as good as timed out
                case null -> timeouts++;
            }
        }
        long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
        return new ModeResult(mode, schedule.ratePerSecond(), schedule.count(), answered, deferred, timeouts, errors,
                elapsed, LatencySummary.of(values), List.copyOf(reasons));
    }
}
