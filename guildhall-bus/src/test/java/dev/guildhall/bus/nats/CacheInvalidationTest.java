package dev.guildhall.bus.nats;

import dev.guildhall.core.id.GuildId;
import dev.guildhall.testkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Two processes (two connections) of one environment drop a guild's cached data when either announces a change. */
class CacheInvalidationTest {
    private static final GuildId GUILD = GuildId.of(81_384_788_765_712_384L);
    private static final GuildId OTHER = GuildId.of(81_384_788_765_712_385L);
    private static NatsServer nats;

    private Connection worker;
    private Connection gateway;

    @BeforeAll
    static void startNats() {
        nats = NatsServer.launch();
    }

    @AfterAll
    static void stopNats() {
        if (nats != null) nats.close();
    }

    @BeforeEach
    void connect() throws Exception {
        worker = Nats.connect(nats.url());
        gateway = Nats.connect(nats.url());
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        worker.close();
        gateway.close();
    }

    @Test
    void anAnnouncementReachesEveryProcessIncludingTheAnnouncer() {
        List<GuildId> seenHere = new CopyOnWriteArrayList<>();
        List<GuildId> seenThere = new CopyOnWriteArrayList<>();
        try (CacheInvalidation here = CacheInvalidation.start(worker, "cache1", seenHere::add);
             CacheInvalidation there = CacheInvalidation.start(gateway, "cache1", seenThere::add)) {
            here.announce(GUILD);

            Eventually.await("both processes invalidated", () -> seenHere.size() == 1 && seenThere.size() == 1);
        }
        assertThat(seenHere).containsExactly(GUILD);
        assertThat(seenThere).containsExactly(GUILD);
    }

    /**
     * What a worker relies on: a message the announcer sends after its invalidation (the ack that releases the guild's
     * next envelope) reaches the other process after it, and catching up then applies the invalidation on the caller's
     * own thread, before it goes on.
     */
    @Test
    void catchingUpAppliesEveryInvalidationReceivedBeforeALaterMessage() throws Exception {
        List<GuildId> seen = new CopyOnWriteArrayList<>();
        try (CacheInvalidation there = CacheInvalidation.start(gateway, "cache4", seen::add);
             CacheInvalidation here = CacheInvalidation.start(worker, "cache4", guild -> { })) {
            var later = gateway.subscribe("cache4.later");
            gateway.flush(java.time.Duration.ofSeconds(5));
            for (int round = 0; round < 50; round++) {
                int before = seen.size();
                here.announce(GUILD);
                worker.publish("cache4.later", new byte[0]);
                assertThat(later.nextMessage(java.time.Duration.ofSeconds(5))).isNotNull();

                there.catchUp();

                assertThat(seen).hasSizeGreaterThan(before);
            }
        }
    }

    @Test
    void malformedMessagesAndFailingCallbacksDoNotStopLaterInvalidations() {
        List<GuildId> seen = new CopyOnWriteArrayList<>();
        try (CacheInvalidation listener = CacheInvalidation.start(gateway, "cache2", guild -> {
            seen.add(guild);
            if (guild.equals(GUILD)) throw new IllegalStateException("the cache is having a bad day");
        }); CacheInvalidation announcer = CacheInvalidation.start(worker, "cache2", guild -> {})) {
            worker.publish("gh.cache2.cache.guild", "not a guild".getBytes(StandardCharsets.UTF_8));
            announcer.announce(GUILD);
            announcer.announce(OTHER);

            Eventually.await("the later invalidation arrived", () -> seen.contains(OTHER));
        }
        assertThat(seen).containsExactly(GUILD, OTHER);
    }

    @Test
    void environmentsDoNotSeeEachOthersInvalidationsAndAClosedListenerHearsNothing() {
        List<GuildId> seenInA = new CopyOnWriteArrayList<>();
        List<GuildId> seenInB = new CopyOnWriteArrayList<>();
        List<GuildId> seenClosed = new CopyOnWriteArrayList<>();
        try (CacheInvalidation a = CacheInvalidation.start(gateway, "cache3a", seenInA::add);
             CacheInvalidation b = CacheInvalidation.start(gateway, "cache3b", seenInB::add);
             CacheInvalidation announcer = CacheInvalidation.start(worker, "cache3a", guild -> {})) {
            CacheInvalidation.start(gateway, "cache3a", seenClosed::add).close();
            announcer.announce(GUILD);
            Eventually.await("environment A invalidated", () -> seenInA.size() == 1);
            // B subscribed on the same connection, so anything for it would have arrived before this
            try (CacheInvalidation announcerB = CacheInvalidation.start(worker, "cache3b", guild -> {})) {
                announcerB.announce(OTHER);
            }
            Eventually.await("environment B invalidated", () -> seenInB.size() == 1);
        }
        assertThat(seenInB).containsExactly(OTHER);
        assertThat(seenClosed).isEmpty();
    }

    @Test
    void aOneShotAnnouncementFromAProcessWithoutAConnectionReachesTheListeners() {
        List<GuildId> seen = new CopyOnWriteArrayList<>();
        try (CacheInvalidation listener = CacheInvalidation.start(gateway, "cache4", seen::add)) {
            CacheInvalidation.announceOnce(nats.url(), "cache4", List.of(GUILD, OTHER));

            Eventually.await("both guilds invalidated", () -> seen.size() == 2);
        }
        assertThat(seen).containsExactly(GUILD, OTHER);
    }

    @Test
    void aOneShotAnnouncementToAnUnreachableServerNamesItWithoutItsCredentials() {
        int closedPort = dev.guildhall.testkit.FreePorts.next();
        String url = "nats://operator:s3cret@127.0.0.1:" + closedPort;

        assertThatThrownBy(() -> CacheInvalidation.announceOnce(url, "cache5", List.of(GUILD)))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("nats://127.0.0.1:" + closedPort)
                .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain("s3cret").doesNotContain("operator"));
    }

    @Test
    void anEnvironmentThatWouldBreakTheSubjectIsRefused() {
        assertThatThrownBy(() -> CacheInvalidation.start(worker, "prod.>", guild -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static String stackTraceOf(Throwable e) {
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }
}
