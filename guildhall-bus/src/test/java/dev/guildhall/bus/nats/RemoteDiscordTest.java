package dev.guildhall.bus.nats;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.event.GuildSnapshot;
import dev.guildhall.core.event.InteractionRef;
import dev.guildhall.core.id.ChannelId;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.core.port.DiscordCallException;
import dev.guildhall.testkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A worker's RemoteDiscord against a gateway's ActionRelay over a real nats-server: the request/reply path. */
class RemoteDiscordTest {
    private static final AtomicInteger environments = new AtomicInteger();
    private static final GuildId GUILD = GuildId.of(81_384_788_765_712_384L);
    private static final ChannelId CHANNEL = ChannelId.of(222L);
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
        // each test its own environment: streams and the ledger outlive a test
        settings = ActionSettings.of("remote" + environments.incrementAndGet(), 4);
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        connection.close();
    }

    @Test
    void aResultBearingActionGoesAtOnceWhileOthersWaitInTheBatchUnderNumberedIds() {
        RecordingDiscord discord = new RecordingDiscord();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        Action reply = new Action.Reply(GUILD, new InteractionRef("9001", CHANNEL, Optional.empty()),
                MessageContent.text("done"), true);
        Action grant = new Action.AddMemberRole(GUILD, UserId.of(5L), RoleId.of(6L));
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord);
             RemoteDiscord.Batch batch = remote.begin(envelope("evt-1"))) {
            ActionResult channel = remote.execute(new Action.CreateTextChannel(GUILD, "frolf-rounds"));

            assertThat(channel.requireCreatedId()).isEqualTo(discord.lastCreatedId());
            assertThat(remote.execute(reply)).isEqualTo(ActionResult.NONE);
            assertThat(remote.execute(grant)).isEqualTo(ActionResult.NONE);
            assertThat(batch.actions()).containsExactly(new OutboundAction("evt-1/2", reply),
                    new OutboundAction("evt-1/3", grant));
            assertThat(discord.executed()).containsExactly(new Action.CreateTextChannel(GUILD, "frolf-rounds"));
            assertThat(relay.executed()).isEqualTo(1);
        }
    }

    @Test
    void aReplayedBatchAfterTheRelayRestartsGetsTheStoredResultsAndDiscordSeesEachActionOnce() {
        RecordingDiscord discord = new RecordingDiscord();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        List<Action> asked = List.of(new Action.CreateRole(GUILD, "Frolf Player"),
                new Action.CreateTextChannel(GUILD, "frolf-rounds"),
                new Action.SendMessage(GUILD, CHANNEL, MessageContent.text("Sign up here")));
        List<ActionResult> first;
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord);
             RemoteDiscord.Batch batch = remote.begin(envelope("evt-setup"))) {
            first = asked.stream().map(remote::execute).toList();
        }

        // the worker crashed before its commit; the envelope comes again, to a restarted gateway
        List<ActionResult> again;
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord);
             RemoteDiscord.Batch batch = remote.begin(envelope("evt-setup"))) {
            again = asked.stream().map(remote::execute).toList();
            assertThat(relay.deduplicated()).isEqualTo(3);
            assertThat(relay.executed()).isZero();
        }

        assertThat(again).isEqualTo(first);
        assertThat(first).extracting(ActionResult::createdId).allMatch(Optional::isPresent).doesNotHaveDuplicates();
        assertThat(discord.executed()).containsExactlyElementsOf(asked);
    }

    @Test
    void twoRequestsForOneIdAtOnceExecuteItOnceAndBothGetItsResult() throws Exception {
        RecordingDiscord discord = new RecordingDiscord();
        CountDownLatch gate = discord.hold();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        Action create = new Action.CreateRole(GUILD, "Frolf Editor");
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord)) {
            CompletableFuture<ActionResult> first = askInBatch(remote, "evt-twice", create);
            Eventually.await("the first execution started", () -> discord.attempts().size() == 1);
            // asked while the first holds the id: it waits for that result (or, if slow to arrive, reads it)
            CompletableFuture<ActionResult> second = askInBatch(remote, "evt-twice", create);
            gate.countDown();

            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(second.get(30, TimeUnit.SECONDS));
            assertThat(relay.executed()).isEqualTo(1);
            assertThat(relay.deduplicated()).isEqualTo(1);
        }
        assertThat(discord.attempts()).containsExactly(create);
    }

    @Test
    void anIdStillBeingExecutedPastThePatienceIsRefusedAsUnavailableNotExecutedTwice() throws Exception {
        RecordingDiscord discord = new RecordingDiscord();
        CountDownLatch gate = discord.hold();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        Action create = new Action.CreateRole(GUILD, "Frolf Editor");
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord, Duration.ofMillis(300),
                ActionRelay.INITIAL_BACKOFF)) {
            CompletableFuture<ActionResult> first = askInBatch(remote, "evt-slow", create);
            Eventually.await("the first execution started", () -> discord.attempts().size() == 1);

            assertThatThrownBy(() -> askInBatch(remote, "evt-slow", create).join())
                    .cause()
                    .isInstanceOfSatisfying(DiscordCallException.class,
                            e -> assertThat(e.kind()).isEqualTo(DiscordCallException.Kind.UNAVAILABLE))
                    .hasMessageContaining("still being executed");
            gate.countDown();
            ActionResult result = first.get(30, TimeUnit.SECONDS);

            assertThat(askInBatch(remote, "evt-slow", create).get(30, TimeUnit.SECONDS)).isEqualTo(result);
        }
        assertThat(discord.attempts()).containsExactly(create);
    }

    @Test
    void aFailedRequestCarriesItsKindAndFreesTheIdForARetry() {
        Action create = new Action.CreateRole(GUILD, "Frolf Editor");
        RecordingDiscord discord = new RecordingDiscord().failing(create, DiscordCallException.Kind.FORBIDDEN, 1);
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord)) {
            try (RemoteDiscord.Batch batch = remote.begin(envelope("evt-denied"))) {
                assertThatThrownBy(() -> remote.execute(create))
                        .isInstanceOfSatisfying(DiscordCallException.class,
                                e -> assertThat(e.kind()).isEqualTo(DiscordCallException.Kind.FORBIDDEN))
                        .hasMessageContaining("scripted FORBIDDEN");
            }
            try (RemoteDiscord.Batch batch = remote.begin(envelope("evt-denied"))) {
                assertThat(remote.execute(create).createdId()).isPresent();
            }
            assertThat(relay.failed()).isEqualTo(1);
            assertThat(relay.executed()).isEqualTo(1);
        }
        assertThat(discord.attempts()).containsExactly(create, create);
    }

    @Test
    void withoutABatchEveryActionIsExecutedAtOnceUnderItsOwnId() {
        RecordingDiscord discord = new RecordingDiscord();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        Action delete = new Action.DeleteRole(GUILD, RoleId.of(6L));
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord)) {
            assertThat(remote.execute(delete)).isEqualTo(ActionResult.NONE);
            assertThat(remote.execute(delete)).isEqualTo(ActionResult.NONE);
            ActionResult role = remote.execute(new Action.CreateRole(GUILD, "Admin"));

            assertThat(role.createdId()).isPresent();
            assertThat(relay.executed()).isEqualTo(3);
        }
        assertThat(discord.executed()).containsExactly(delete, delete, new Action.CreateRole(GUILD, "Admin"));
    }

    @Test
    void aBatchIsBoundToTheThreadThatOpenedItUntilItIsClosed() throws Exception {
        RecordingDiscord discord = new RecordingDiscord();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        Action delete = new Action.DeleteRole(GUILD, RoleId.of(6L));
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord)) {
            RemoteDiscord.Batch batch = remote.begin(envelope("evt-bound"));
            assertThatThrownBy(() -> remote.begin(envelope("evt-other"))).isInstanceOf(IllegalStateException.class);
            // another thread has no batch: its action goes at once
            CompletableFuture.runAsync(() -> remote.execute(delete)).get(30, TimeUnit.SECONDS);
            remote.execute(delete);
            batch.close();
            remote.execute(delete);

            assertThat(batch.actions()).containsExactly(new OutboundAction("evt-bound/1", delete));
            assertThat(relay.executed()).isEqualTo(2);
            try (RemoteDiscord.Batch next = remote.begin(envelope("evt-next"))) {
                assertThat(next.envelopeId()).isEqualTo("evt-next");
            }
        }
    }

    @Test
    void aGuildSnapshotIsAskedOfTheGatewayAndIsEmptyWhereTheBotIsNot() {
        GuildSnapshot snapshot = new GuildSnapshot(GUILD, "Disc Golf Club",
                List.of(new GuildSnapshot.Channel(CHANNEL, "frolf-rounds")),
                List.of(new GuildSnapshot.Role(RoleId.of(6L), "Frolf Editor")));
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        try (ActionRelay relay = ActionRelay.start(connection, settings, new RecordingDiscord().holding(snapshot))) {
            assertThat(remote.guild(GUILD)).contains(snapshot);
            assertThat(remote.guild(GuildId.of(42L))).isEmpty();
        }
    }

    @Test
    void withNoGatewayRunningRequestsFailAsUnavailable() {
        RemoteDiscord remote = RemoteDiscord.on(connection, settings.withRequestTimeout(Duration.ofMillis(500)));

        assertThatThrownBy(() -> remote.execute(new Action.CreateRole(GUILD, "Admin")))
                .isInstanceOfSatisfying(DiscordCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(DiscordCallException.Kind.UNAVAILABLE))
                .hasMessageContaining("no gateway answered");
        assertThatThrownBy(() -> remote.guild(GUILD))
                .isInstanceOfSatisfying(DiscordCallException.class,
                        e -> assertThat(e.kind()).isEqualTo(DiscordCallException.Kind.UNAVAILABLE));
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeMakesTheRequestUnavailable() {
        RecordingDiscord discord = new RecordingDiscord();
        CountDownLatch gate = discord.hold();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings.withRequestTimeout(Duration.ofMillis(500)));
        try (ActionRelay relay = ActionRelay.start(connection, settings, discord)) {
            assertThatThrownBy(() -> remote.execute(new Action.CreateRole(GUILD, "Admin")))
                    .isInstanceOfSatisfying(DiscordCallException.class,
                            e -> assertThat(e.kind()).isEqualTo(DiscordCallException.Kind.UNAVAILABLE));
            gate.countDown();
        }
    }

    @Test
    void twoRelaysOnOneEnvironmentShareTheRequestsAndEitherMayGo() {
        RecordingDiscord first = new RecordingDiscord();
        RecordingDiscord second = new RecordingDiscord();
        RemoteDiscord remote = RemoteDiscord.on(connection, settings);
        try (ActionRelay one = ActionRelay.start(connection, settings, first)) {
            try (ActionRelay two = ActionRelay.start(connection, settings, second)) {
                for (int n = 0; n < 10; n++) remote.execute(new Action.CreateRole(GUILD, "role-" + n));
                assertThat(one.executed() + two.executed()).isEqualTo(10);
            }
            remote.execute(new Action.CreateRole(GUILD, "after"));
            assertThat(first.executed()).contains(new Action.CreateRole(GUILD, "after"));
        }
        assertThat(first.executed().size() + second.executed().size()).isEqualTo(11);
    }

    private static CompletableFuture<ActionResult> askInBatch(RemoteDiscord remote, String envelopeId, Action action) {
        return CompletableFuture.supplyAsync(() -> {
            try (RemoteDiscord.Batch batch = remote.begin(envelope(envelopeId))) {
                return remote.execute(action);
            }
        }, runnable -> Thread.ofVirtual().start(runnable));
    }

    private static Envelope envelope(String id) {
        return new Envelope(id, GUILD, 0, Instant.EPOCH, new GuildEvent.MemberJoined(UserId.of(5L)), Map.of());
    }
}
