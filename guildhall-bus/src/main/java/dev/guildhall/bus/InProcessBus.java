package dev.guildhall.bus;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.port.Bus;
import dev.guildhall.core.port.HandlerUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bus of a standalone process. Each guild has a lane: a queue drained by one virtual thread at a time, so a guild's
 * envelopes are handled one by one in publish order while guilds proceed in parallel. A lane exists only while it has
 * work: the draining thread removes it when the queue is empty, so idle guilds cost nothing.
 *
 * <p>A handler that throws is retried in place, after a backoff, before the lane moves on: later envelopes of the guild
 * never overtake a failing one. After the last attempt the envelope goes to the {@link DeadLetterSink}. A handler that
 * throws {@link HandlerUnavailable} (its database is down) counts no attempt: the lane pauses and offers the same
 * envelope again until the handler takes it or fails for a reason of its own.
 * Envelopes published before {@link #subscribe} wait in their lanes until a handler arrives.
 */
public final class InProcessBus implements Bus {
    private static final Logger log = LoggerFactory.getLogger(InProcessBus.class);
    public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_UNAVAILABLE_PAUSE = Duration.ofSeconds(1);

    private final RetryPolicy retry;
    private final DeadLetterSink deadLetters;
    private final Sleeper sleeper;
    private final Duration drainTimeout;
    private final Duration unavailablePause;
    private final AtomicInteger waitingLanes = new AtomicInteger();
    private final ConcurrentHashMap<GuildId, Lane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService drainers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("bus-lane-", 0).factory());
    private final Object idle = new Object();
    private volatile EnvelopeHandler handler;
    private volatile boolean accepting = true;
    private volatile boolean abandoning; // close() timed out: interrupted handlers are not retried
    private long outstanding; // guarded by idle: published and not yet handled or dead-lettered

    public InProcessBus() {
        this(RetryPolicy.DEFAULT, DeadLetterSink.logging(), Sleeper.system(), DEFAULT_DRAIN_TIMEOUT);
    }

    public InProcessBus(RetryPolicy retry, DeadLetterSink deadLetters, Sleeper sleeper, Duration drainTimeout) {
        this(retry, deadLetters, sleeper, drainTimeout, DEFAULT_UNAVAILABLE_PAUSE);
    }

    /** {@code unavailablePause}: the wait before offering an envelope again to a handler that was unavailable. */
    public InProcessBus(RetryPolicy retry, DeadLetterSink deadLetters, Sleeper sleeper, Duration drainTimeout,
                        Duration unavailablePause) {
        if (unavailablePause.isNegative() || unavailablePause.isZero()) {
            throw new IllegalArgumentException("unavailablePause must be positive, got " + unavailablePause);
        }
        this.retry = retry;
        this.deadLetters = deadLetters;
        this.sleeper = sleeper;
        this.drainTimeout = drainTimeout;
        this.unavailablePause = unavailablePause;
    }

    /** Queues the envelope on its guild's lane. */
    @Override
    public void publish(Envelope envelope) {
        if (!accepting) throw new IllegalStateException("the bus is closed; envelope " + envelope.id() + " refused");
        synchronized (idle) {
            outstanding++;
        }
        boolean[] startDrainer = {false};
        lanes.compute(envelope.guild(), (guild, lane) -> {
            Lane next = lane == null ? new Lane() : lane;
            next.queue.add(envelope);
            startDrainer[0] = claimDrainer(next);
            return next;
        });
        if (startDrainer[0]) startDrainer(envelope.guild());
    }

    /** Sets the one handler of this bus and starts draining lanes that filled up before it came. */
    @Override
    public void subscribe(EnvelopeHandler newHandler) {
        synchronized (this) {
            if (handler != null) throw new IllegalStateException("this bus already has a handler");
            handler = newHandler;
        }
        for (GuildId guild : List.copyOf(lanes.keySet())) {
            boolean[] startDrainer = {false};
            lanes.computeIfPresent(guild, (key, lane) -> {
                startDrainer[0] = claimDrainer(lane);
                return lane;
            });
            if (startDrainer[0]) startDrainer(guild);
        }
    }

    /** Called inside {@code compute}, so that publish and subscribe never both start a drainer for one lane. */
    private boolean claimDrainer(Lane lane) {
        if (lane.draining || handler == null) return false;
        lane.draining = true;
        return true;
    }

    private void startDrainer(GuildId guild) {
        try {
            drainers.execute(() -> drain(guild));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the bus is closed; guild " + guild + " refused", e);
        }
    }

    private void drain(GuildId guild) {
        EnvelopeHandler current = handler;
        Envelope next;
        while ((next = takeOrRetire(guild)) != null) {
            if (abandoning) {
                // close() gave up waiting: what was never tried is kept as a dead letter rather than lost
                sendToDeadLetters(next, new CancellationException("the bus closed before this envelope was handled"), 0);
            } else {
                deliver(current, next);
            }
            synchronized (idle) {
                if (--outstanding == 0) idle.notifyAll();
            }
        }
    }

    /** The lane's next envelope, or null after removing the empty lane (atomically with respect to publish). */
    private Envelope takeOrRetire(GuildId guild) {
        Envelope[] taken = {null};
        lanes.computeIfPresent(guild, (key, lane) -> {
            taken[0] = lane.queue.poll();
            return taken[0] == null ? null : lane;
        });
        return taken[0];
    }

    private void deliver(EnvelopeHandler current, Envelope envelope) {
        Throwable failure = null;
        int attempt = 0;
        while (attempt < retry.maxAttempts()) {
            attempt++;
            try {
                handleThroughOutages(current, envelope);
                return;
            } catch (HandlerUnavailable e) {
                // close() gave up during an outage: that try was no attempt, and the envelope is kept
                sendToDeadLetters(envelope, e, attempt - 1);
                return;
            } catch (Throwable e) {
                // Errors too: a drainer that died would leave its guild's lane stuck forever.
                failure = e;
            }
            if (abandoning || Thread.currentThread().isInterrupted()) break;
            if (attempt < retry.maxAttempts()) {
                try {
                    sleeper.sleep(retry.backoffAfter(attempt));
                } catch (InterruptedException e) {
                    // close() ran out of patience: stop retrying but keep the envelope as a dead letter
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        sendToDeadLetters(envelope, failure, attempt);
    }

    /**
     * Calls the handler, and while it throws {@link HandlerUnavailable} pauses and calls it again with the same
     * envelope; that exception escapes only once close() gave up. One warn line when the first lane starts waiting,
     * one info line when the last one stops.
     */
    private void handleThroughOutages(EnvelopeHandler current, Envelope envelope) throws Exception {
        boolean waiting = false;
        try {
            while (true) {
                try {
                    current.handle(envelope);
                    return;
                } catch (HandlerUnavailable e) {
                    if (!waiting) {
                        waiting = true;
                        if (waitingLanes.incrementAndGet() == 1) {
                            log.warn("the handler is unavailable ({}): guild lanes hold their envelopes and offer them"
                                    + " again every {}", e.getMessage(), unavailablePause);
                        }
                    }
                    if (abandoning || !pauseForOutage()) throw e;
                }
            }
        } finally {
            if (waiting && waitingLanes.decrementAndGet() == 0) {
                log.info("no guild lane waits for the handler any more: handling resumed");
            }
        }
    }

    private boolean pauseForOutage() {
        try {
            sleeper.sleep(unavailablePause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void sendToDeadLetters(Envelope envelope, Throwable failure, int attempts) {
        try {
            deadLetters.deadLetter(envelope, failure, attempts);
        } catch (Throwable e) {
            // the lane must go on: a sink failure is logged, never allowed to end the guild's drainer
            log.error("dead-letter sink failed for envelope {} of guild {}", envelope.id(), envelope.guild(), e);
        }
    }

    /**
     * Refuses further envelopes, waits up to the drain timeout for those already published to be handled (when a
     * handler is subscribed), then stops the lanes' threads. Lanes waiting out an unavailable handler get the whole
     * drain timeout too, since what this bus holds lives only in memory; then their pauses end at once and the
     * envelopes go to the dead letters with the attempts they really failed.
     */
    @Override
    public void close() {
        accepting = false;
        if (handler == null) {
            // nobody ever subscribed: keep what was published as dead letters instead of dropping it silently
            for (GuildId guild : List.copyOf(lanes.keySet())) {
                Envelope next;
                while ((next = takeOrRetire(guild)) != null) {
                    sendToDeadLetters(next, new CancellationException("the bus closed with no handler subscribed"), 0);
                }
            }
        } else {
            long left = awaitIdle();
            if (left > 0) {
                log.warn("bus closed with {} envelope(s) not handled (drain timeout {})", left, drainTimeout);
                abandoning = true;
            }
        }
        drainers.shutdownNow();
    }

    /** Waits up to the drain timeout for every published envelope to be done; returns how many are not. */
    private long awaitIdle() {
        synchronized (idle) {
            long deadline = System.nanoTime() + drainTimeout.toNanos();
            while (outstanding > 0) {
                long waitNanos = deadline - System.nanoTime();
                if (waitNanos <= 0) break;
                try {
                    TimeUnit.NANOSECONDS.timedWait(idle, waitNanos);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            return outstanding;
        }
    }

    /** Guilds that have queued or running work right now; idle guilds have no lane. */
    int activeLanes() {
        return lanes.size();
    }

    /** Only touched inside {@code lanes.compute*}, which serialises access per guild. */
    private static final class Lane {
        final ArrayDeque<Envelope> queue = new ArrayDeque<>();
        boolean draining;
    }
}
