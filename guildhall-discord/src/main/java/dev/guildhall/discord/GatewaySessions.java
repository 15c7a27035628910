package dev.guildhall.discord;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a dispatch sits in its shard's gateway session, for envelope ids: a tag of the session and the sequence
 * number. Discord numbers a session's dispatches from 1, and a new session (after IDENTIFY, or in a new process)
 * starts again, so the sequence alone would give a later event the id of an earlier one still in the workers'
 * ledger, which would then skip it. A resumed session replays its dispatches with their numbers, so the tag stays
 * the same while the numbers go up and changes when they start over (and in every process).
 */
final class GatewaySessions {
    private final Map<Integer, Session> shards = new ConcurrentHashMap<>();

    private record Session(String tag, long lastSequence) {}

    /** {@code <session tag>.<sequence>}; one dispatch may map to several events, which share it. */
    String position(int shard, long sequence) {
        Session session = shards.compute(shard, (key, current) ->
                current == null || sequence < current.lastSequence() ? new Session(newTag(), sequence)
                        : new Session(current.tag(), sequence));
        return session.tag() + "." + sequence;
    }

    private static String newTag() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }
}
