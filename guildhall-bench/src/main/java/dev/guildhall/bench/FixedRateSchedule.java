package dev.guildhall.bench;

/**
 * When each command of a run is due, counted from the run's start: command {@code i} at {@code i / rate} seconds,
 * whatever happened to the ones before it (an open loop), and aimed at guild {@code i % guilds} so the load spreads
 * evenly over the guilds.
 */
record FixedRateSchedule(double ratePerSecond, int count, int guilds) {

    FixedRateSchedule {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be a positive number of commands per second, got " + ratePerSecond);
        }
        if (count < 0) throw new IllegalArgumentException("count must be >= 0, got " + count);
        if (guilds < 1) throw new IllegalArgumentException("guilds must be >= 1, got " + guilds);
    }

    /** Nanoseconds from the start of the run to the planned start of command {@code index}. */
    long plannedOffsetNanos(int index) {
        checkIndex(index);
        // from the index, not by adding periods: rounding errors must not accumulate over a long run
        return (long) Math.floor(index * 1_000_000_000.0 / ratePerSecond);
    }

    /** The guild slot (0 to guilds - 1) command {@code index} goes to. */
    int guildOf(int index) {
        checkIndex(index);
        return index % guilds;
    }

    /**
     * The time the run offers its commands in: {@code count} periods, so a system that answers each command within
     * its period achieves exactly the offered rate.
     */
    long windowNanos() {
        return (long) Math.floor(count * 1_000_000_000.0 / ratePerSecond);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= count) throw new IndexOutOfBoundsException("command " + index + " of " + count);
    }
}
