package dev.guildhall.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A ticker the test moves: parking jumps straight to the deadline, and every deadline asked for is kept. */
final class ManualTicker implements Ticker {
    private final AtomicLong now;
    final List<Long> deadlines = new CopyOnWriteArrayList<>();

    ManualTicker(long start) {
        this.now = new AtomicLong(start);
    }

    @Override
    public long read() {
        return now.get();
    }

    @Override
    public void parkUntil(long deadline) {
        deadlines.add(deadline);
        now.accumulateAndGet(deadline, Math::max);
    }

    void set(long nanos) {
        now.set(nanos);
    }
}
