package dev.guildhall.bench;

import java.util.Arrays;

/**
 * Percentiles of a run's latencies by the nearest-rank method: the p-th percentile is the smallest recorded value
 * that at least p percent of the values do not exceed, so it is always a latency that really happened.
 */
record LatencySummary(int count, long p50Nanos, long p99Nanos, long maxNanos) {

    static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0);

    static LatencySummary of(long[] latenciesNanos) {
        if (latenciesNanos.length == 0) return EMPTY;
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank percentile of an ascending array: the value at rank ceil(p / 100 * n). */
    static long percentile(long[] ascending, double p) {
        if (ascending.length == 0) throw new IllegalArgumentException("no values");
        if (!(p > 0 && p <= 100)) throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        int rank = (int) Math.ceil(p / 100.0 * ascending.length);
        return ascending[Math.max(rank, 1) - 1];
    }
}
