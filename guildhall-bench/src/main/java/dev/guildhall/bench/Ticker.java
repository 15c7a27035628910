package dev.guildhall.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * The monotonic time a run is paced and measured with, in nanoseconds; tests replace it with one they move, so the
 * open loop is checked without sleeping.
 */
interface Ticker {

    long read();

    /** Returns once {@link #read()} has reached {@code deadline}. */
    void parkUntil(long deadline) throws InterruptedException;

    static Ticker system() {
        return new Ticker() {
            @Override
            public long read() {
                return System.nanoTime();
            }

            @Override
            public void parkUntil(long deadline) throws InterruptedException {
                long left;
                while ((left = deadline - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(left);
                    if (Thread.interrupted()) throw new InterruptedException();
                }
            }
        };
    }
}
