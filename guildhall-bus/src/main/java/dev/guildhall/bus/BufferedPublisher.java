package dev.guildhall.bus;

import dev.guildhall.core.event.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The gateway's bounded buffer in front of the bus, so that Discord's event thread never waits for NATS. {@link #offer}
 * only enqueues; one drainer thread publishes in order, and when publishing fails (NATS is down) it keeps the envelope
 * at the head and tries again with a backoff of 100 ms doubling to 2 s. Publishing the same envelope again after an
 * unclear failure is safe: the bus de-duplicates by envelope id. When the buffer is full, new envelopes are refused and
 * handed to {@code onOverflow} (the gateway answers an interaction "busy, try again").
 */
public final class BufferedPublisher implements AutoCloseable {
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(10);
    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    /** How long close waits for a publish in progress to return once it stopped draining. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(BufferedPublisher.class);

    private final Consumer<Envelope> publish;
    private final int capacity;
    private final Consumer<Envelope> onOverflow;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition removed = lock.newCondition();
    private final ArrayDeque<Envelope> queue = new ArrayDeque<>(); // guarded by lock; the head is being published
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final Thread drainer;
    private boolean closing; // guarded by lock: offers are refused, the drainer empties the queue and ends
    private boolean stopped; // guarded by lock: the drainer ends now
    private boolean overflowing; // guarded by lock: an overflow episode was logged and has not ended

    private BufferedPublisher(Consumer<Envelope> publish, int capacity, Consumer<Envelope> onOverflow,
                              Sleeper sleeper) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        this.publish = publish;
        this.capacity = capacity;
        this.onOverflow = onOverflow;
        this.sleeper = sleeper;
        this.drainer = Thread.ofVirtual().name("gateway-buffer-drainer").unstarted(this::drain);
    }

    /**
     * Starts the drainer. {@code publish} stores one envelope or throws (for example {@code jetStreamBus::publish}
     * while NATS is down); {@code onOverflow} hears of each envelope refused because the buffer was full or closed.
     */
    public static BufferedPublisher start(Consumer<Envelope> publish, int capacity, Consumer<Envelope> onOverflow) {
        return start(publish, capacity, onOverflow, Sleeper.system());
    }

    static BufferedPublisher start(Consumer<Envelope> publish, int capacity, Consumer<Envelope> onOverflow,
                                   Sleeper sleeper) {
        BufferedPublisher buffer = new BufferedPublisher(publish, capacity, onOverflow, sleeper);
        buffer.drainer.start();
        return buffer;
    }

    /** Enqueues the envelope, or refuses it (false) when the buffer is full or closed; never blocks. */
    public boolean offer(Envelope envelope) {
        boolean episodeStarts = false;
        boolean closed;
        lock.lock();
        try {
            closed = closing;
            if (!closed && queue.size() < capacity) {
                queue.addLast(envelope);
                accepted.incrementAndGet();
                notEmpty.signal();
                return true;
            }
            if (!closed && !overflowing) {
                overflowing = true;
                episodeStarts = true;
            }
        } finally {
            lock.unlock();
        }
        dropped.incrementAndGet();
        if (episodeStarts) {
            log.warn("gateway buffer full ({} envelopes): dropping new events until NATS is back", capacity);
        } else if (closed) {
            log.debug("gateway buffer closed: envelope {} of guild {} refused", envelope.id(), envelope.guild());
        }
        try {
            onOverflow.accept(envelope);
        } catch (RuntimeException e) {
            log.warn("overflow handler failed for envelope {} of guild {}: {}", envelope.id(), envelope.guild(),
                    e.toString());
        }
        return false;
    }

    private void drain() {
        Duration backoff = FIRST_BACKOFF;
        Failing failing = null;
        Envelope head;
        while ((head = awaitHead()) != null) {
            try {
                publish.accept(head);
            } catch (RuntimeException e) {
                if (failing == null) {
                    failing = new Failing(System.nanoTime(), size(), accepted.get(), dropped.get());
                    log.warn("publishing to NATS fails ({}): the gateway buffers up to {} events", e.toString(),
                            capacity);
                }
                try {
                    sleeper.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return; // close() stopped the drainer
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
                continue;
            }
            removeHead();
            published.incrementAndGet(); // after the removal, so published() == n implies n envelopes left the buffer
            backoff = FIRST_BACKOFF;
            if (failing != null) {
                log.info("publishing to NATS recovered after {} ms: {} envelope(s) were buffered meanwhile, {} dropped",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failing.since()),
                        failing.waiting() + accepted.get() - failing.accepted(), dropped.get() - failing.dropped());
                failing = null;
            }
        }
    }

    /** The envelope to publish next, left at the head; null once the drainer is to end. */
    private Envelope awaitHead() {
        lock.lock();
        try {
            while (!stopped && queue.isEmpty() && !closing) notEmpty.awaitUninterruptibly();
            return stopped ? null : queue.peekFirst(); // closing and empty: null, the drainer is done
        } finally {
            lock.unlock();
        }
    }

    private void removeHead() {
        lock.lock();
        try {
            queue.pollFirst();
            if (overflowing && queue.size() <= capacity / 2) {
                overflowing = false; // hysteresis: a buffer hovering at full does not log an episode per event
                log.info("gateway buffer has room again ({} of {} envelopes waiting)", queue.size(), capacity);
            }
            removed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Envelopes waiting, including the one being published. */
    public int size() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Envelopes refused since start because the buffer was full or closed. */
    public long dropped() {
        return dropped.get();
    }

    /** Envelopes the bus stored since start. */
    public long published() {
        return published.get();
    }

    /** As {@link #close(Duration)} with {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    /**
     * Refuses further envelopes, keeps publishing what is buffered for up to {@code timeout}, then stops the drainer
     * and logs how many envelopes were left unpublished.
     */
    public void close(Duration timeout) {
        lock.lock();
        try {
            if (closing) return;
            closing = true;
            notEmpty.signalAll();
            long remaining = timeout.toNanos();
            while (!queue.isEmpty() && remaining > 0) remaining = removed.awaitNanos(remaining);
            stopped = true;
            notEmpty.signalAll();
        } catch (InterruptedException e) {
            stopped = true;
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
        drainer.interrupt(); // ends a backoff wait at once
        try {
            drainer.join(STOP_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int left = size();
        if (left > 0) {
            log.warn("gateway buffer closed with {} envelope(s) not published to NATS", left);
        } else {
            log.info("gateway buffer closed: everything published ({} envelopes, {} dropped)", published(), dropped());
        }
    }

    /** What a failure episode started from, for the line that reports its end. */
    private record Failing(long since, int waiting, long accepted, long dropped) {}
}
