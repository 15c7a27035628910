package dev.guildhall.discord;

import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.sharding.ShardManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The live shard connections: one plain JDA, or a JDA shard manager. */
sealed interface ShardGroup {

    /** The shards started so far. */
    List<JDA> shards();

    Optional<Guild> guild(long guildId);

    /** Closes every shard, waiting up to {@code grace} for a clean close before forcing it. */
    void shutdown(Duration grace);

    record Single(JDA jda) implements ShardGroup {
        public List<JDA> shards() {
            return List.of(jda);
        }

        public Optional<Guild> guild(long guildId) {
            return Optional.ofNullable(jda.getGuildById(guildId));
        }

        public void shutdown(Duration grace) {
            jda.shutdown();
            awaitOrForce(jda, grace);
        }
    }

    record Managed(ShardManager manager) implements ShardGroup {
        public List<JDA> shards() {
            return manager.getShards();
        }

        public Optional<Guild> guild(long guildId) {
            return Optional.ofNullable(manager.getGuildById(guildId));
        }

        public void shutdown(Duration grace) {
            List<JDA> shards = manager.getShards();
            manager.shutdown();
            for (JDA shard : shards) awaitOrForce(shard, grace);
        }
    }

    private static void awaitOrForce(JDA jda, Duration grace) {
        try {
            if (!jda.awaitShutdown(grace)) jda.shutdownNow();
        } catch (InterruptedException e) {
            jda.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
