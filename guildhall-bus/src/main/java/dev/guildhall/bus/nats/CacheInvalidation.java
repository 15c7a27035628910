package dev.guildhall.bus.nats;

import dev.guildhall.core.id.GuildId;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Tells every process of an environment that a guild's cached data changed, over core NATS on
 * {@code gh.<env>.cache.guild} (the body is the guild id). Every subscriber, the announcing process included, drops
 * its copy. Core NATS keeps nothing for a process that is away; it starts with an empty cache anyway.
 *
 * <p>Received invalidations wait in a synchronous subscription and are applied by {@link #catchUp()}, which a worker
 * calls before it handles each envelope, and every {@value #DRAIN_MILLIS} ms in the background. They share the
 * envelope's connection, and the server sends a guild's invalidation before its next envelope (see
 * {@link #announce}), so by the time a worker holds that envelope the invalidation is queued here, and catching up
 * first means the envelope never reads the stale copy. A callback thread of its own would race the envelope.
 */
public final class CacheInvalidation implements AutoCloseable {
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);
    private static final long DRAIN_MILLIS = 100;
    private static final Logger log = LoggerFactory.getLogger(CacheInvalidation.class);

    private final Connection nats;
    private final String subject;
    private final Consumer<GuildId> onInvalidate;
    private final ReentrantLock applying = new ReentrantLock();
    private final ScheduledExecutorService drainer;
    private volatile Subscription subscription;

    private CacheInvalidation(Connection nats, String subject, Consumer<GuildId> onInvalidate) {
        this.nats = nats;
        this.subject = subject;
        this.onInvalidate = onInvalidate;
        this.drainer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("cache-invalidation").factory());
    }

    /** Subscribes {@code onInvalidate}; the connection stays the caller's to close. */
    public static CacheInvalidation start(Connection nats, String environment, Consumer<GuildId> onInvalidate) {
        CacheInvalidation invalidation = new CacheInvalidation(nats,
                ActionSettings.topologyOf(environment).cacheInvalidationSubject(), onInvalidate);
        invalidation.subscription = nats.subscribe(invalidation.subject);
        invalidation.drainer.scheduleWithFixedDelay(invalidation::catchUp, DRAIN_MILLIS, DRAIN_MILLIS,
                TimeUnit.MILLISECONDS);
        try {
            // the subscription is on the server before anyone relies on it
            nats.flush(FLUSH_TIMEOUT);
        } catch (TimeoutException | InterruptedException e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            invalidation.close();
            throw new IllegalStateException("could not subscribe to cache invalidations on " + invalidation.subject, e);
        }
        return invalidation;
    }

    /**
     * Publishes that the guild's data changed. No flush: a flush is a PING, and many threads flushing one connection
     * at once exceed the client's outstanding-ping limit, which makes it drop and reconnect the connection. Order
     * suffices instead: a connection's messages reach the server in the order they were sent, so when the worker then
     * acks the envelope on the same connection, the server has the invalidation before it hands the guild's next
     * envelope to anyone.
     */
    public void announce(GuildId guild) {
        nats.publish(subject, guild.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Announces changed guilds from a process that holds no NATS connection of its own (the command line): connects,
     * publishes, waits until the server has them, and disconnects. Its errors name the server without credentials.
     */
    public static void announceOnce(String natsUrl, String environment, Collection<GuildId> guilds) {
        String subject = ActionSettings.topologyOf(environment).cacheInvalidationSubject();
        try (Connection nats = NatsConnections.connect(natsUrl, "guildhall-" + environment + "-cli", 0)) {
            for (GuildId guild : guilds) nats.publish(subject, guild.toString().getBytes(StandardCharsets.UTF_8));
            nats.flush(FLUSH_TIMEOUT);
        } catch (TimeoutException e) {
            throw new IllegalStateException("NATS at " + NatsConnections.redacted(natsUrl)
                    + " did not confirm the cache invalidation within " + FLUSH_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted announcing a cache invalidation");
        }
    }

    /**
     * Applies every invalidation received so far, before returning. Safe from any thread; one applies at a time, so
     * a caller that returns knows that nothing received before its call is still being applied elsewhere.
     */
    public void catchUp() {
        Subscription current = subscription;
        if (current == null) return;
        applying.lock();
        try {
            while (current.isActive() && current.getPendingMessageCount() > 0) {
                Message message = current.nextMessage(Duration.ofMillis(1));
                if (message == null) break;
                receive(message, onInvalidate);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            log.debug("cache invalidations not read: {}", e.getMessage()); // the connection is closing
        } finally {
            applying.unlock();
        }
    }

    private static void receive(Message message, Consumer<GuildId> onInvalidate) {
        GuildId guild;
        try {
            guild = GuildId.parse(new String(message.getData(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            log.warn("ignoring a malformed cache invalidation on {}: {}", message.getSubject(), e.getMessage());
            return;
        }
        try {
            onInvalidate.accept(guild);
        } catch (RuntimeException e) {
            log.warn("dropping the cached data of guild {} failed", guild, e);
        }
    }

    @Override
    public void close() {
        drainer.shutdownNow();
        try {
            Subscription current = subscription;
            if (current != null && current.isActive()) current.unsubscribe();
        } catch (RuntimeException e) {
            log.debug("closing the cache invalidation subscription: {}", e.toString());
        }
    }
}
