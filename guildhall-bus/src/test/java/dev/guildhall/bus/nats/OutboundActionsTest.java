package dev.guildhall.bus.nats;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.testkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.impl.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Actions published after a worker's commit, executed by a gateway's ActionRelay from the outbound stream. */
class OutboundActionsTest {
    private static final AtomicInteger environments = new AtomicInteger();
    private static final Duration QUICK_BACKOFF = Duration.ofMillis(5);
    private static final RoleId ROLE = RoleId.of(77L);
    private static NatsServer nats;

    private Connection connection;
    private ActionSettings settings;

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
        connection = Nats.connect(nats.url());
        settings = ActionSettings.of("out" + environments.incrementAndGet(), 4);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        connection.close();
    }

    @Test
    void publishedActionsAreExecutedInTheirOrder() {
        RecordingDiscord discord = new RecordingDiscord();
        List<OutboundAction> actions = actions(guild(1), "evt-1", 3);
        try (ActionRelay relay = relay(discord)) {
            RemoteDiscord.on(connection, settings).publish(guild(1), actions);

            Eventually.await("three actions executed", () -> relay.executed() == 3);
        }
        assertThat(discord.executed()).containsExactlyElementsOf(actionsOf(actions));
    }

    @Test
    void actionsPublishedBeforeAnyGatewayRunsAreExecutedOnceOneStarts() {
        RecordingDiscord discord = new RecordingDiscord();
        List<OutboundAction> actions = actions(guild(2), "evt-early", 2);
        RemoteDiscord.on(connection, settings).publish(guild(2), actions);

        try (ActionRelay relay = relay(discord)) {
            Eventually.await("both executed", () -> relay.executed() == 2);
        }
        assertThat(discord.executed()).containsExactlyElementsOf(actionsOf(actions));
    }

    @Test
    void publishingTheSameActionsAgainExecutesThemOnce() throws Exception {
        RecordingDiscord discord = new RecordingDiscord();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        List<OutboundAction> actions = actions(guild(3), "evt-again", 3);
        try (ActionRelay relay = relay(discord)) {
            remote.publish(guild(3), actions);
            remote.publish(guild(3), actions); // a redelivered envelope re-publishing its stored actions
            Eventually.await("three actions executed", () -> relay.executed() == 3);

            // past the stream's duplicate window the message is stored again; the ledger still knows the id
            OutboundAction first = actions.getFirst();
            connection.jetStream().publish(
                    "gh." + settings.environment() + ".out." + settings.shardOf(guild(3)) + "." + guild(3),
                    new Headers().put(RemoteDiscord.ACTION_ID_HEADER, first.id()),
                    new ActionCodec().encode(first.action()),
                    PublishOptions.builder().messageId(first.id() + "-later").build());
            Eventually.await("the late copy acknowledged without executing", () -> relay.deduplicated() == 1);
        }
        assertThat(discord.executed()).containsExactlyElementsOf(actionsOf(actions));
    }

    @Test
    void twentyGuildsOfFiftyActionsEachRunInOrderPerGuildAndEachOnce() throws Exception {
        RecordingDiscord discord = new RecordingDiscord();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        Map<GuildId, List<OutboundAction>> byGuild = IntStream.rangeClosed(1, 20).mapToObj(OutboundActionsTest::guild)
                .collect(Collectors.toMap(guild -> guild, guild -> actions(guild, "evt-" + guild, 50)));
        try (ActionRelay relay = relay(discord);
             ExecutorService publishers = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> published = new ArrayList<>();
            byGuild.forEach((guild, actions) -> published.add(publishers.submit(() -> remote.publish(guild, actions))));
            for (Future<?> future : published) future.get(30, TimeUnit.SECONDS);

            Eventually.await("all 1000 executed", () -> relay.executed() == 1000);
        }
        List<Action> executed = discord.executed();
        assertThat(executed).hasSize(1000).doesNotHaveDuplicates();
        byGuild.forEach((guild, actions) -> assertThat(executed.stream().filter(a -> a.guild().equals(guild)).toList())
                .as("the actions of guild %s", guild)
                .containsExactlyElementsOf(actionsOf(actions)));
    }

    @Test
    void aTransientFailureIsRetriedAndSucceedsOnceBeforeTheGuildsNextAction() {
        List<OutboundAction> actions = actions(guild(4), "evt-flaky", 3);
        RecordingDiscord discord = new RecordingDiscord()
                .failing(actions.get(1).action(), DiscordCallException.Kind.SERVER_ERROR, 1);
        try (ActionRelay relay = relay(discord)) {
            RemoteDiscord.on(connection, settings).publish(guild(4), actions);

            Eventually.await("three actions executed", () -> relay.executed() == 3);
            assertThat(relay.failed()).isZero();
        }
        assertThat(discord.executed()).containsExactlyElementsOf(actionsOf(actions));
        assertThat(discord.attempts()).containsExactly(actions.get(0).action(), actions.get(1).action(),
                actions.get(1).action(), actions.get(2).action());
    }

    @Test
    void aFailureThatCannotSucceedIsCountedOnceAndNotRetried() {
        List<OutboundAction> actions = actions(guild(5), "evt-gone", 2);
        RecordingDiscord discord = new RecordingDiscord()
                .failing(actions.get(0).action(), DiscordCallException.Kind.NOT_FOUND, 1);
        try (ActionRelay relay = relay(discord)) {
            RemoteDiscord.on(connection, settings).publish(guild(5), actions);

            Eventually.await("the second action executed", () -> relay.executed() == 1);
            assertThat(relay.failed()).isEqualTo(1);
        }
        assertThat(discord.attempts()).containsExactlyElementsOf(actionsOf(actions));
    }

    @Test
    void anActionThatKeepsFailingIsGivenUpAfterEightAttemptsAndTheGuildMovesOn() throws Exception {
        List<OutboundAction> actions = actions(guild(6), "evt-down", 2);
        RecordingDiscord discord = new RecordingDiscord()
                .failing(actions.get(0).action(), DiscordCallException.Kind.UNAVAILABLE, Integer.MAX_VALUE);
        try (ActionRelay relay = relay(discord)) {
            RemoteDiscord.on(connection, settings).publish(guild(6), actions);

            Eventually.await("the second action executed", () -> relay.executed() == 1);
            assertThat(relay.failed()).isEqualTo(1);
            Eventually.await("nothing left unacknowledged", () -> pendingAcks() == 0);
        }
        assertThat(discord.attempts().stream().filter(actions.get(0).action()::equals)).hasSize(OutboundLanes.MAX_ATTEMPTS);
    }

    @Test
    void anUnreadableMessageIsDroppedAndTheGuildMovesOn() {
        RecordingDiscord discord = new RecordingDiscord();
        List<OutboundAction> actions = actions(guild(7), "evt-after", 1);
        try (ActionRelay relay = relay(discord)) {
            connection.publish("gh." + settings.environment() + ".out.0." + guild(7),
                    "{\"type\":\"launch_rockets\"}".getBytes(StandardCharsets.UTF_8));
            RemoteDiscord.on(connection, settings).publish(guild(7), actions);

            Eventually.await("the good action executed", () -> relay.executed() == 1);
            assertThat(relay.failed()).isEqualTo(1);
        }
        assertThat(discord.executed()).containsExactlyElementsOf(actionsOf(actions));
    }

    @Test
    void twoRelaysOnOneEnvironmentExecuteEachPublishedActionOnce() {
        RecordingDiscord first = new RecordingDiscord();
        RecordingDiscord second = new RecordingDiscord();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        try (ActionRelay one = relay(first); ActionRelay two = relay(second)) {
            for (int g = 10; g < 15; g++) remote.publish(guild(g), actions(guild(g), "evt-" + g, 20));

            Eventually.await("all 100 executed", () -> one.executed() + two.executed() == 100);
        }
        List<Action> executed = new ArrayList<>(first.executed());
        executed.addAll(second.executed());
        assertThat(executed).hasSize(100).doesNotHaveDuplicates();
    }

    private ActionRelay relay(RecordingDiscord discord) {
        return ActionRelay.start(connection, settings, discord, ActionRelay.PENDING_PATIENCE, QUICK_BACKOFF);
    }

    private long pendingAcks() {
        try {
            ConsumerInfo info = connection.jetStreamManagement().getConsumerInfo(
                    "gh_" + settings.environment() + "_out", "gh_" + settings.environment() + "_out_gateway");
            return info.getNumAckPending() + info.getNumPending();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Distinct actions (a member per number), so that the recording shows which one ran when. */
    private static List<OutboundAction> actions(GuildId guild, String envelopeId, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(n -> new OutboundAction(envelopeId + "/" + n, new Action.AddMemberRole(guild, UserId.of(n), ROLE)))
                .toList();
    }

    private static List<Action> actionsOf(List<OutboundAction> actions) {
        return actions.stream().map(OutboundAction::action).toList();
    }

    private static GuildId guild(int n) {
        // spread over the high bits, so the guilds fall on different shards
        return GuildId.of(((long) n << 22) + 1_000L * n);
    }
}
