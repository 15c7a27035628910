package dev.guildhall.bench;

import java.util.List;

/**
 * The figures of one mode's measured run.
 *
 * @param elapsedNanos from the run's start to its last answer, or to the end of its offer window if that is later
 * @param errorSamples a few distinct reasons of failed commands, to tell what went wrong
 */
record ModeResult(String mode, double offeredRate, int offered, int answered, int deferred, int timeouts,
                  int errors, long elapsedNanos, LatencySummary latency, List<String> errorSamples) {

    ModeResult {
        errorSamples = List.copyOf(errorSamples);
    }

    /** Answers per second over the run. */
    double throughput() {
        return elapsedNanos <= 0 ? 0 : answered * 1e9 / elapsedNanos;
    }
}
