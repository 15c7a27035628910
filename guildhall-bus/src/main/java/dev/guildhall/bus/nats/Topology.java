package dev.guildhall.bus.nats;

import dev.guildhall.core.id.GuildId;

/**
 * Names of one environment's streams, subjects and consumers, and the guild-to-partition function. Every name carries
 * the environment, so two environments on one NATS never see each other's envelopes.
 */
record Topology(String environment, int partitions) {

    String inboundStream() {
        return "gh_" + environment + "_in";
    }

    String inboundSubjects() {
        return "gh." + environment + ".in.>";
    }

    String inboundSubject(GuildId guild) {
        return "gh." + environment + ".in." + partitionOf(guild) + "." + guild;
    }

    /** One token for the guild id, so a partition's filter matches exactly that partition's guilds. */
    String partitionFilter(int partition) {
        return "gh." + environment + ".in." + partition + ".*";
    }

    String consumer(int partition) {
        return "gh_" + environment + "_in_p" + partition;
    }

    String deadLetterStream() {
        return "gh_" + environment + "_dlq";
    }

    String deadLetterSubjects() {
        return "gh." + environment + ".dlq.>";
    }

    String deadLetterSubject(String guild) {
        return "gh." + environment + ".dlq." + guild;
    }

    // Actions between workers and gateways. A gateway holds guilds by Discord's shard, so these subjects carry the
    // shard (not the bus partition): a later gateway tier can consume or serve only the shards it owns.

    String outboundStream() {
        return "gh_" + environment + "_out";
    }

    String outboundSubjects() {
        return "gh." + environment + ".out.>";
    }

    String outboundSubject(int shard, GuildId guild) {
        return "gh." + environment + ".out." + shard + "." + guild;
    }

    String outboundConsumer() {
        return "gh_" + environment + "_out_gateway";
    }

    String actionRequestSubject(int shard) {
        return "gh." + environment + ".act." + shard;
    }

    String actionRequestSubjects() {
        return "gh." + environment + ".act.*";
    }

    String guildRequestSubject(int shard) {
        return "gh." + environment + ".guild." + shard;
    }

    String guildRequestSubjects() {
        return "gh." + environment + ".guild.*";
    }

    /** The queue group of every gateway's request subscriptions: each request is answered by one gateway. */
    String gatewayQueue() {
        return "gh_" + environment + "_gateways";
    }

    /** The KV bucket that remembers, per action id, that an action is being executed or what it produced. */
    String actionLedgerBucket() {
        return "gh_" + environment + "_actions";
    }

    String cacheInvalidationSubject() {
        return "gh." + environment + ".cache.guild";
    }

    String modulesSubject() {
        return "gh." + environment + ".modules";
    }

    /**
     * Stable across processes and versions (no {@code hashCode} of a JDK class): snowflakes' low bits are counters, so
     * the id is mixed (SplitMix64's finaliser) before taking it modulo the partition count.
     */
    int partitionOf(GuildId guild) {
        long z = guild.value();
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z = z ^ (z >>> 31);
        return (int) Math.floorMod(z, (long) partitions);
    }
}
