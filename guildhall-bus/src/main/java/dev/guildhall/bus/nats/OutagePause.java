package dev.guildhall.bus.nats;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.port.Bus.EnvelopeHandler;
import dev.guildhall.core.port.HandlerUnavailable;
import io.nats.client.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a partition rides out an outage of its handler (a {@link HandlerUnavailable}): it keeps the message, tells
 * JetStream the work is in progress so the ack wait never runs out, waits the pause, and offers the same envelope
 * again. No nak, so no delivery is counted and the envelope cannot reach the dead letters through an outage.
 */
final class OutagePause {
    private static final Logger log = LoggerFactory.getLogger(JetStreamBus.class);

    private final Duration pause;
    private final long progressEveryNanos;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicInteger waiting = new AtomicInteger();

    OutagePause(Duration pause, Duration ackWait) {
        this.pause = pause;
        this.progressEveryNanos = ackWait.toNanos() / 4; // well inside the ack wait, even on a loaded machine
    }

    /**
     * Calls the handler until it returns (true) or throws something other than {@link HandlerUnavailable}, which
     * propagates; false when {@link #stop()} came while the handler was unavailable. One warn line when the partition
     * starts waiting, one info line when it resumes.
     */
    boolean handle(EnvelopeHandler handler, Message message, Envelope envelope, int partition) throws Exception {
        long waitingSince = 0;
        int offers = 0;
        try {
            while (true) {
                try {
                    handler.handle(envelope);
                    if (waitingSince != 0) {
                        log.info("partition {} resumed: envelope {} of guild {} handled after {} offer(s) over {} ms",
                                partition, envelope.id(), envelope.guild(), offers + 1,
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - waitingSince));
                    }
                    return true;
                } catch (HandlerUnavailable e) {
                    offers++;
                    if (waitingSince == 0) {
                        waitingSince = System.nanoTime();
                        waiting.incrementAndGet();
                        log.warn("partition {} waits: the handler is unavailable ({}); envelope {} of guild {} is held"
                                + " and offered again every {}", partition, e.getMessage(), envelope.id(),
                                envelope.guild(), pause);
                    }
                }
                if (!pauseHolding(message)) {
                    log.info("partition {} stops waiting for the handler: the bus is closing", partition);
                    return false;
                }
            }
        } finally {
            if (waitingSince != 0) waiting.decrementAndGet();
        }
    }

    /** Partitions waiting for an unavailable handler right now. */
    int waitingPartitions() {
        return waiting.get();
    }

    /** Ends every pause at once; {@link #handle} then returns false instead of offering the envelope again. */
    void stop() {
        stopping.countDown();
    }

    private boolean pauseHolding(Message message) {
        long remaining = pause.toNanos();
        try {
            while (remaining > 0) {
                keepInProgress(message);
                long wait = Math.min(remaining, progressEveryNanos);
                if (stopping.await(wait, TimeUnit.NANOSECONDS)) return false;
                remaining -= wait;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        keepInProgress(message); // the handler may take a while before it answers again
        return stopping.getCount() > 0;
    }

    private static void keepInProgress(Message message) {
        try {
            message.inProgress();
        } catch (RuntimeException e) {
            // NATS is unreachable too: the ack wait may run out and the envelope come back, counted once more
            log.debug("could not mark a message in progress: {}", e.toString());
        }
    }
}
