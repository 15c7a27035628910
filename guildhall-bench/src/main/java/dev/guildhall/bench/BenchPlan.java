package dev.guildhall.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One benchmark's settings, the same for every mode so their figures compare.
 *
 * @param warmup       commands offered at the same rate before the measured run (JIT, caches, connections), not counted
 * @param workers      worker JVMs in distributed mode, worker threads in the bare pipeline
 * @param appJar       the app's runnable jar, launched as gateway and workers in distributed mode
 * @param childJvmArgs JVM options of those processes
 */
record BenchPlan(double rate, int count, int warmup, int guilds, int workers, Duration timeout, Path appJar,
                 List<String> childJvmArgs) {

    BenchPlan {
        if (!(rate > 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("--rate must be > 0, got " + rate);
        if (count < 1) throw new IllegalArgumentException("--count must be >= 1, got " + count);
        if (warmup < 0) throw new IllegalArgumentException("--warmup must be >= 0, got " + warmup);
        if (guilds < 1) throw new IllegalArgumentException("--guilds must be >= 1, got " + guilds);
        if (workers < 1) throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--timeout must be > 0, got " + timeout);
        }
        childJvmArgs = List.copyOf(childJvmArgs);
    }

    FixedRateSchedule measured() {
        return new FixedRateSchedule(rate, count, guilds);
    }

    FixedRateSchedule warmupRun() {
        return new FixedRateSchedule(rate, warmup, guilds);
    }
}
