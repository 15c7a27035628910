package dev.guildhall.bus.nats;

import dev.guildhall.bus.RetryPolicy;
import dev.guildhall.bus.nats.DeadLetters.DeadLetter;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import dev.guildhall.testkit.FreePorts;
import dev.guildhall.testkit.NatsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/** Listing, showing and replaying dead letters of a real nats-server, as an operator's CLI does. */
class DeadLettersTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final RetryPolicy TWO_TRIES = new RetryPolicy(2, Duration.ofMillis(5), 2.0);
    private static final GuildId GUILD_A = GuildId.of(2_000_001L);
    private static final GuildId GUILD_B = GuildId.of(2_000_002L);
    private static final AtomicInteger environments = new AtomicInteger();
    private static NatsServer nats;

    /** While true every envelope fails; once false the handler records what it handles. */
    private final AtomicBoolean broken = new AtomicBoolean(true);
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final List<String> sunk = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final JetStreamSettings settings = JetStreamSettings.of(nats.url(), "dlq" + environments.incrementAndGet())
            .withRetry(TWO_TRIES).withPartitions(4);

    @BeforeAll
    static void startNats() {
        nats = NatsServer.launch();
    }

    @AfterAll
    static void stopNats() {
        if (nats != null) nats.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) closeable.close();
    }

    /** A worker whose handler fails with "no such round" while {@link #broken}. */
    private JetStreamBus worker() {
        JetStreamBus bus = JetStreamBus.start(settings, (envelope, failure, attempts) -> sunk.add(envelope.id()),
                Duration.ofSeconds(30));
        opened.add(bus);
        bus.subscribe(envelope -> {
            if (broken.get()) throw new IllegalStateException("no such round");
            handled.add(envelope.id());
        });
        return bus;
    }

    private DeadLetters deadLetters() {
        DeadLetters letters = DeadLetters.open(settings);
        opened.add(letters);
        return letters;
    }

    @Test
    void anAlwaysFailingEnvelopeIsListedWithItsErrorGuildAndAttempts() {
        Instant before = Instant.now().minusSeconds(60); // NATS stamps with its own clock: allow some skew
        JetStreamBus bus = worker();
        for (Envelope envelope : List.of(envelope(GUILD_A, 0), envelope(GUILD_B, 0), envelope(GUILD_A, 1))) {
            bus.publish(envelope);
        }
        awaitCondition("three dead letters", () -> sunk.size() == 3);

        List<DeadLetter> all = deadLetters().list(Optional.empty());

        assertThat(all).extracting(DeadLetter::envelopeId).containsExactlyInAnyOrder(
                envelope(GUILD_A, 0).id(), envelope(GUILD_B, 0).id(), envelope(GUILD_A, 1).id());
        assertThat(all).extracting(DeadLetter::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(all).allSatisfy(letter -> {
            assertThat(letter.guild()).isEqualTo(letter.envelopeId().substring(0, letter.envelopeId().indexOf(':')));
            assertThat(letter.type()).isEqualTo("member_joined");
            assertThat(letter.attempts()).isEqualTo(2);
            assertThat(letter.error()).isEqualTo("java.lang.IllegalStateException: no such round");
            assertThat(letter.deadLetteredAt()).isAfter(before);
            assertThat(new EnvelopeCodec().decode(letter.envelopeJson().getBytes(StandardCharsets.UTF_8)).id()).isEqualTo(letter.envelopeId());
        });
    }

    @Test
    void listingOneGuildShowsOnlyItsDeadLettersInOrder() {
        JetStreamBus bus = worker();
        bus.publish(envelope(GUILD_A, 0));
        bus.publish(envelope(GUILD_B, 0));
        bus.publish(envelope(GUILD_A, 1));
        awaitCondition("three dead letters", () -> sunk.size() == 3);

        DeadLetters letters = deadLetters();

        assertThat(letters.list(Optional.of(GUILD_A))).extracting(DeadLetter::envelopeId)
                .containsExactly(envelope(GUILD_A, 0).id(), envelope(GUILD_A, 1).id());
        assertThat(letters.list(Optional.of(GUILD_B))).extracting(DeadLetter::envelopeId)
                .containsExactly(envelope(GUILD_B, 0).id());
        assertThat(letters.list(Optional.of(GuildId.of(2_000_099L)))).isEmpty();
    }

    @Test
    void showReturnsTheDeadLetterAtASequenceAndNothingWhereThereIsNone() {
        worker().publish(envelope(GUILD_B, 0));
        awaitCondition("dead-lettered", () -> sunk.size() == 1);
        DeadLetters letters = deadLetters();
        DeadLetter listed = letters.list(Optional.empty()).getFirst();

        assertThat(letters.show(listed.sequence())).contains(listed);
        assertThat(letters.show(listed.sequence() + 1000)).isEmpty();
        assertThat(letters.show(0)).isEmpty();
    }

    @Test
    void replayHandsEachEnvelopeBackExactlyOnceAndRemovesItsDeadLetter() throws Exception {
        JetStreamBus bus = worker();
        bus.publish(envelope(GUILD_A, 0));
        bus.publish(envelope(GUILD_B, 0));
        awaitCondition("two dead letters", () -> sunk.size() == 2);
        broken.set(false); // the bug is fixed
        DeadLetters letters = deadLetters();

        List<DeadLetter> replayedB = letters.replay(Optional.of(GUILD_B), OptionalLong.empty());
        assertThat(replayedB).extracting(DeadLetter::envelopeId).containsExactly(envelope(GUILD_B, 0).id());
        awaitCondition("guild B's envelope handled", () -> handled.contains(envelope(GUILD_B, 0).id()));
        assertThat(letters.list(Optional.empty())).extracting(DeadLetter::envelopeId)
                .containsExactly(envelope(GUILD_A, 0).id());

        List<DeadLetter> replayedAll = letters.replay(Optional.empty(), OptionalLong.empty());
        assertThat(replayedAll).extracting(DeadLetter::envelopeId).containsExactly(envelope(GUILD_A, 0).id());
        awaitCondition("guild A's envelope handled", () -> handled.contains(envelope(GUILD_A, 0).id()));
        assertThat(letters.list(Optional.empty())).isEmpty();

        bus.close(); // drains: a second delivery of either envelope would show up before close returns
        assertThat(handled).containsExactly(envelope(GUILD_B, 0).id(), envelope(GUILD_A, 0).id());
        assertThat(letters.replay(Optional.empty(), OptionalLong.empty())).isEmpty();
    }

    @Test
    void replayBySequenceReplaysOnlyThatOne() throws Exception {
        JetStreamBus bus = worker();
        bus.publish(envelope(GUILD_A, 0));
        bus.publish(envelope(GUILD_A, 1));
        bus.publish(envelope(GUILD_B, 0));
        awaitCondition("three dead letters", () -> sunk.size() == 3);
        broken.set(false);
        DeadLetters letters = deadLetters();
        DeadLetter second = letters.list(Optional.of(GUILD_A)).getLast();

        assertThat(letters.replay(Optional.of(GUILD_B), OptionalLong.of(second.sequence())))
                .as("a sequence of another guild").isEmpty();
        assertThat(letters.replay(Optional.empty(), OptionalLong.of(second.sequence() + 1000))).isEmpty();
        assertThat(letters.replay(Optional.empty(), OptionalLong.of(second.sequence()))).containsExactly(second);
        awaitCondition("the replayed envelope handled", () -> handled.size() == 1);

        bus.close();
        assertThat(handled).containsExactly(envelope(GUILD_A, 1).id());
        assertThat(letters.list(Optional.empty())).extracting(DeadLetter::envelopeId)
                .containsExactlyInAnyOrder(envelope(GUILD_A, 0).id(), envelope(GUILD_B, 0).id());
    }

    @Test
    void aReplayedEnvelopeThatFailsAgainIsDeadLetteredAgain() {
        worker().publish(envelope(GUILD_A, 0));
        awaitCondition("dead-lettered", () -> sunk.size() == 1);
        DeadLetters letters = deadLetters();
        DeadLetter first = letters.list(Optional.empty()).getFirst();

        letters.replay(Optional.empty(), OptionalLong.empty());
        awaitCondition("dead-lettered a second time", () -> sunk.size() == 2);

        assertThat(letters.list(Optional.empty())).singleElement().satisfies(again -> {
            assertThat(again.envelopeId()).isEqualTo(first.envelopeId());
            assertThat(again.sequence()).isGreaterThan(first.sequence());
        });
    }

    @Test
    void openingAnEnvironmentWhoseBusNeverStartedFailsNamingTheStream() {
        assertThatThrownBy(() -> DeadLetters.open(settings))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gh_" + settings.environment() + "_dlq")
                .hasMessageContaining("environment '" + settings.environment() + "'");
    }

    @Test
    void openingWithoutNatsFailsNamingTheUrl() {
        JetStreamSettings nowhere = JetStreamSettings.of("nats://127.0.0.1:" + FreePorts.next(), "dlq");

        assertThatThrownBy(() -> DeadLetters.open(nowhere))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(nowhere.natsUrl());
    }

    private static Envelope envelope(GuildId guild, int sequence) {
        return new Envelope(guild + ":" + sequence, guild, 0, Instant.EPOCH.plusSeconds(sequence),
                new GuildEvent.MemberJoined(UserId.of(sequence + 1L)), Map.of());
    }

    private static void awaitCondition(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) fail("timed out after " + DEADLINE + " waiting for: " + what);
            try {
                Thread.sleep(10); // polling interval of the wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for: " + what);
            }
        }
    }
}
