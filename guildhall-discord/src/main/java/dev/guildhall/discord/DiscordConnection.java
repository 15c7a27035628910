package dev.guildhall.discord;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.port.DiscordPort;
import net.dv8tion.jda.api.GatewayEncoding;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.JDABuilder;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.utils.ChunkingFilter;
import net.dv8tion.jda.api.utils.Compression;
import net.dv8tion.jda.api.utils.MemberCachePolicy;
import net.dv8tion.jda.api.utils.cache.CacheFlag;
import net.dv8tion.jda.api.utils.messages.MessageRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A live connection to Discord (or the local emulator) through JDA: one shard as a plain JDA, several through a
 * shard manager. Gateway events go to the sink as envelopes; actions go through {@link #port()}.
 *
 * <p>Cache choices, for memory: members are not cached except each guild's owner (~0.5 KiB per cached member; caching
 * every member of 10k guilds of 50 doubles the heap per guild). Interactions carry the invoking member with roles and
 * permissions in their payload, and member events carry the user, so nothing here needs the member cache; no
 * chunking is requested either. Voice stays off: no voice intent, no voice state cache, opus natives excluded by
 * the build; JDA only builds its audio machinery when a voice connection is opened, which Guildhall never does.
 */
public final class DiscordConnection implements AutoCloseable {
    static final EnumSet<GatewayIntent> INTENTS = EnumSet.of(GatewayIntent.GUILD_MEMBERS, GatewayIntent.GUILD_MESSAGES,
            GatewayIntent.GUILD_MESSAGE_REACTIONS, GatewayIntent.MESSAGE_CONTENT);
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private final ShardGroup shards;
    private final ReadyLatch readiness;
    private final int shardsTotal;
    private final ActionExecutor port;
    private final AutoDefer autoDefer;

    private DiscordConnection(ShardGroup shards, ReadyLatch readiness, int shardsTotal, ActionExecutor port,
                              AutoDefer autoDefer) {
        this.shards = shards;
        this.autoDefer = autoDefer;
        this.readiness = readiness;
        this.shardsTotal = shardsTotal;
        this.port = port;
    }

    /** Starts JDA and returns without waiting for READY; see {@link #awaitReady(Duration)}. */
    public static DiscordConnection connect(DiscordSettings settings, Consumer<Envelope> sink) {
        return connect(settings, sink, Clock.systemUTC());
    }

    static DiscordConnection connect(DiscordSettings settings, Consumer<Envelope> sink, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(sink, "sink");
        // JDA's own default parses every mention type; JdaMessages sets each message's allowed mentions, and this
        // keeps a message built anywhere else from pinging @everyone or a role too
        MessageRequest.setDefaultMentions(EnumSet.noneOf(Message.MentionType.class));
        MessageRequest.setDefaultMentionRepliedUser(false);
        PendingInteractions pending = new PendingInteractions();
        ReadyLatch readiness = new ReadyLatch(settings.shardsTotal());
        AutoDefer autoDefer = new AutoDefer(settings.autoDefer());
        GatewayListener listener = new GatewayListener(new EventMapper(clock), pending, readiness, sink, autoDefer);
        ShardGroup shards;
        try {
            shards = settings.shardsTotal() == 1 ? single(settings, listener) : managed(settings, listener);
        } catch (InvalidTokenException e) {
            autoDefer.close();
            throw rejectedToken(e);
        } catch (ErrorResponseException e) {
            autoDefer.close();
            // A shard manager checks the token with its first REST call instead
            if (e.getResponse() != null && e.getResponse().code == 401) throw rejectedToken(e);
            throw e;
        } catch (RuntimeException e) {
            autoDefer.close();
            throw e;
        }
        return new DiscordConnection(shards, readiness, settings.shardsTotal(),
                new ActionExecutor(shards, pending, autoDefer), autoDefer);
    }

    /** An operator's mistake: fail at start-up, and say which setting, never its value. */
    private static IllegalArgumentException rejectedToken(RuntimeException cause) {
        return new IllegalArgumentException("Discord rejected the bot token (DISCORD_TOKEN)", cause);
    }

    private static ShardGroup single(DiscordSettings settings, GatewayListener listener) {
        JDABuilder builder = JDABuilder.createLight(settings.token(), INTENTS)
                .setMemberCachePolicy(MemberCachePolicy.OWNER)
                .setChunkingFilter(ChunkingFilter.NONE)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .addEventListeners(listener);
        if (settings.isCustomDiscord()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(settings.restBaseUrlText()))
                    .setSessionController(new EmulatorSessionController(gateway(settings), 1))
                    .setCompression(Compression.NONE)
                    .setGatewayEncoding(GatewayEncoding.JSON);
        }
        return new ShardGroup.Single(builder.build());
    }

    private static ShardGroup managed(DiscordSettings settings, GatewayListener listener) {
        DefaultShardManagerBuilder builder = DefaultShardManagerBuilder.createLight(settings.token(), INTENTS)
                .setShardsTotal(settings.shardsTotal())
                .setMemberCachePolicy(MemberCachePolicy.OWNER)
                .setChunkingFilter(ChunkingFilter.NONE)
                .disableCache(EnumSet.allOf(CacheFlag.class))
                .addEventListeners(listener);
        if (settings.isCustomDiscord()) {
            builder.setRestConfig(new RestConfig().setBaseUrl(settings.restBaseUrlText()))
                    .setSessionController(new EmulatorSessionController(gateway(settings), settings.shardsTotal()))
                    .setCompression(Compression.NONE)
                    .setGatewayEncoding(GatewayEncoding.JSON);
        }
        return new ShardGroup.Managed(builder.build());
    }

    private static String gateway(DiscordSettings settings) {
        return settings.gatewayUrl().orElseThrow().toString();
    }

    /** Waits until every shard has received READY; fails early if a shard shuts down first. */
    public void awaitReady(Duration timeout) throws InterruptedException, TimeoutException {
        readiness.await(timeout);
    }

    /** True when every shard is started and its gateway session is CONNECTED. */
    public boolean isConnected() {
        List<JDA> started = shards.shards();
        return started.size() == shardsTotal && started.stream().allMatch(s -> s.getStatus() == JDA.Status.CONNECTED);
    }

    public DiscordPort port() {
        return port;
    }

    /** The bot's own user id, known once the token was checked (right after {@link #connect}). */
    public long selfUserId() {
        for (JDA shard : shards.shards()) {
            try {
                return shard.getSelfUser().getIdLong();
            } catch (IllegalStateException notLoggedInYet) {
                // a shard manager fills in the self user shard by shard; try the next one
            }
        }
        throw new IllegalStateException("the bot's user is not known yet: no shard has logged in");
    }

    @Override
    public void close() {
        try {
            shards.shutdown(CLOSE_GRACE);
        } finally {
            autoDefer.close();
        }
    }

    @Override
    public String toString() {
        return "DiscordConnection[shards=" + shardsTotal + ", ready=" + readiness.isReady() + "]";
    }
}
