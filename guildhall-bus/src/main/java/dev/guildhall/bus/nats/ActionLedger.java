package dev.guildhall.bus.nats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.port.DiscordPort;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, in a NATS KV bucket shared by all gateways, which action ids are being executed and what they produced,
 * so that an id is executed at most once however often it is asked for or delivered. Claiming is one atomic
 * {@code create}: of two gateways racing for an id, exactly one gets to execute it.
 */
final class ActionLedger {
    /** The JetStream API's error code for "wrong last sequence": the key already exists. */
    private static final int KEY_EXISTS = 10071;
    private static final byte[] PENDING = "pending".getBytes(StandardCharsets.UTF_8);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Logger log = LoggerFactory.getLogger(ActionLedger.class);

    /** What running an id through the ledger came to. */
    sealed interface Outcome {
        record Executed(ActionResult result) implements Outcome {}

        /** Executed before, by this or another gateway; this is what it produced. */
        record Deduplicated(ActionResult result) implements Outcome {}

        /** Another execution holds the id and did not finish within the patience; it must not run twice. */
        record StillPending() implements Outcome {}
    }

    private sealed interface Claim {
        record Claimed() implements Claim {}

        record Done(ActionResult result) implements Claim {}

        record Pending() implements Claim {}
    }

    private final KeyValue bucket;
    private final ActionCodec codec;
    private final Duration patience;
    /**
     * What this gateway executed itself. When NATS fails between Discord's answer and the bucket's write, the id stays
     * pending in the bucket; this memory still lets this gateway answer a retry with the real result (and record it).
     */
    private final Cache<String, ActionResult> executedHere = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofHours(24))
            .build();
    /**
     * This ledger's pending marker. When NATS fails while a claim is being made, the claim may have landed without
     * its answer: finding its own marker later, with no execution of it in flight here, this gateway knows the action
     * never ran and takes the claim up again instead of refusing the action forever.
     */
    private final byte[] pendingHere = ("pending:" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    /** Ids this gateway is claiming or executing now, so two of its threads never run one id twice. */
    private final Set<String> busyHere = ConcurrentHashMap.newKeySet();

    ActionLedger(KeyValue bucket, ActionCodec codec, Duration patience) {
        this.bucket = bucket;
        this.codec = codec;
        this.patience = patience;
    }

    /** The bucket must exist ({@link ActionStreams#ensureGateway}). */
    static ActionLedger open(Connection nats, Topology topology, ActionCodec codec, Duration patience)
            throws IOException {
        return new ActionLedger(nats.keyValue(topology.actionLedgerBucket()), codec, patience);
    }

    /**
     * Executes the action unless its id was executed before (then answers the stored result) or is being executed
     * elsewhere (then waits up to the patience for that result). A failed execution frees the id again, so a retry may
     * execute it; the failure is rethrown.
     */
    Outcome runOnce(String id, Action action, DiscordPort discord)
            throws IOException, JetStreamApiException, InterruptedException {
        String key = key(id);
        ActionResult known = executedHere.getIfPresent(key);
        if (known != null) {
            record(id, key, known);
            return new Outcome.Deduplicated(known);
        }
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            switch (claim(key)) {
                case Claim.Done done -> {
                    return new Outcome.Deduplicated(done.result());
                }
                case Claim.Claimed claimed -> {
                    try {
                        return new Outcome.Executed(execute(id, key, action, discord));
                    } finally {
                        busyHere.remove(key);
                    }
                }
                case Claim.Pending pending -> {
                    if (System.nanoTime() >= deadline) return new Outcome.StillPending();
                    Thread.sleep(POLL);
                }
            }
        }
    }

    private ActionResult execute(String id, String key, Action action, DiscordPort discord)
            throws IOException, JetStreamApiException {
        ActionResult result;
        try {
            result = discord.execute(action);
        } catch (RuntimeException | Error e) {
            release(id, key, e);
            throw e;
        }
        executedHere.put(key, result);
        record(id, key, result);
        return result;
    }

    private void record(String id, String key, ActionResult result) {
        try {
            bucket.put(key, codec.encode(result));
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            // the action happened: the id stays pending for other gateways, so it cannot happen twice; this gateway
            // remembers the result and records it when the id comes again
            log.warn("action {} was executed but its result could not be recorded yet: {}", id, e.toString());
        }
    }

    private void release(String id, String key, Throwable failure) {
        try {
            bucket.delete(key);
        } catch (IOException | JetStreamApiException | RuntimeException e) {
            // the id stays pending until the bucket's TTL: no retry will execute it, which is the safe side
            log.error("action {} failed and could not be freed for a retry: {}", id, e.toString());
            failure.addSuppressed(e);
        }
    }

    /** Claimed means this thread holds the id in {@link #busyHere} and must release it. */
    private Claim claim(String key) throws IOException, JetStreamApiException {
        if (!busyHere.add(key)) return new Claim.Pending(); // another thread of this gateway is on it
        boolean claimed = false;
        try {
            try {
                bucket.create(key, pendingHere);
                claimed = true;
                return new Claim.Claimed();
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != KEY_EXISTS) throw e;
            }
            KeyValueEntry entry = bucket.get(key);
            // freed between the create and this read (a failed execution): the next claim may win it
            if (entry == null || entry.getOperation() != KeyValueOperation.PUT) return new Claim.Pending();
            byte[] value = entry.getValue() == null ? new byte[0] : entry.getValue();
            if (Arrays.equals(value, pendingHere)) {
                ActionResult known = executedHere.getIfPresent(key);
                if (known != null) return new Claim.Done(known); // ran here; only its recording failed
                // our own claim whose answer was lost, and nothing of ours runs it: it never ran
                claimed = true;
                return new Claim.Claimed();
            }
            if (startsWith(value, PENDING)) return new Claim.Pending();
            return new Claim.Done(codec.decodeResult(value));
        } finally {
            if (!claimed) busyHere.remove(key);
        }
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** KV keys allow only {@code [-/_=.a-zA-Z0-9]}; an action id may hold anything an envelope id holds. */
    static String key(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
    }
}
