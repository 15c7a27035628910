package dev.guildhall.discord;

import java.util.StringJoiner;

/**
 * Stable envelope ids for gateway events that carry no id of their own. The id is built from what identifies the
 * occurrence on the wire (kind, guild, entity ids, shard and the dispatch's position in its gateway session, see
 * {@link GatewaySessions}), so the same dispatch delivered twice maps to the same id, while two occurrences that touch
 * the same entities (a reaction added, removed, added again) differ by position. Interactions use their own id.
 */
final class EnvelopeIds {
    private EnvelopeIds() {}

    static String derive(String kind, long guild, int shard, String position, long... entities) {
        if (kind == null || kind.isBlank()) throw new IllegalArgumentException("event kind is missing");
        StringJoiner id = new StringJoiner(":");
        id.add(kind).add(Long.toUnsignedString(guild));
        for (long entity : entities) id.add(Long.toUnsignedString(entity));
        id.add("s" + shard).add("q" + position);
        return id.toString();
    }

    /** Same, for events whose entity is named by text (a reaction's emoji). */
    static String derive(String kind, long guild, int shard, String position, String discriminator, long... entities) {
        return derive(kind, guild, shard, position, entities) + ":" + discriminator;
    }
}
