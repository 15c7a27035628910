package dev.guildhall.bus.nats;

import ch.qos.logback.classic.Level;
import dev.guildhall.bus.BusContract;
import dev.guildhall.bus.DeadLetterSink;
import dev.guildhall.bus.LogCapture;
import dev.guildhall.bus.RetryPolicy;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.port.Bus;
import dev.guildhall.core.port.HandlerUnavailable;
import dev.guildhall.testkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.MessageInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bus contract against a real nats-server, plus what only JetStream has: topology, de-duplication, the DLQ. */
class JetStreamBusTest extends BusContract {
    private static final AtomicInteger environments = new AtomicInteger();
    private static NatsServer nats;

    @BeforeAll
    static void startNats() {
        nats = NatsServer.launch();
    }

    @AfterAll
    static void stopNats() {
        if (nats != null) nats.close();
    }

    /**
     * Each bus gets its own environment: JetStream keeps streams and message ids between tests. A short pause while
     * the handler is unavailable keeps the outage tests quick.
     */
    private static JetStreamSettings freshSettings(RetryPolicy retry) {
        return JetStreamSettings.of(nats.url(), "test" + environments.incrementAndGet()).withRetry(retry)
                .withUnavailablePause(Duration.ofMillis(20));
    }

    @Override
    protected Bus createBus(RetryPolicy retry, DeadLetterSink deadLetters) {
        return JetStreamBus.start(freshSettings(retry), deadLetters, Duration.ofSeconds(30));
    }

    @Test
    void startingTwiceOnOneEnvironmentIsFineAndUpdatesTheConsumers() throws Exception {
        JetStreamSettings settings = freshSettings(QUICK_RETRY);
        List<Integer> seen = new CopyOnWriteArrayList<>();
        try (JetStreamBus first = JetStreamBus.start(settings, failOnDeadLetter(), Duration.ofSeconds(30));
             JetStreamBus second = JetStreamBus.start(settings.withAckWait(Duration.ofSeconds(45)), failOnDeadLetter(),
                     Duration.ofSeconds(30))) {
            first.publish(envelope(guild(1), 0));
            second.subscribe(envelope -> seen.add(sequenceOf(envelope)));
            first.publish(envelope(guild(1), 1));
            awaitCondition("both delivered", () -> seen.size() == 2);

            try (Connection connection = Nats.connect(nats.url())) {
                ConsumerInfo info = connection.jetStreamManagement().getConsumerInfo(first.inboundStream(),
                        "gh_" + settings.environment() + "_in_p" + first.partitionOf(guild(1)));
                assertThat(info.getConsumerConfiguration().getAckWait()).isEqualTo(Duration.ofSeconds(45));
                assertThat(info.getConsumerConfiguration().getMaxAckPending()).isEqualTo(1);
            }
        }
        assertThat(seen).containsExactly(0, 1);
    }

    @Test
    void twoEnvironmentsDoNotSeeEachOthersEnvelopes() throws Exception {
        List<String> seenByA = new CopyOnWriteArrayList<>();
        List<String> seenByB = new CopyOnWriteArrayList<>();
        try (JetStreamBus a = JetStreamBus.start(freshSettings(QUICK_RETRY), failOnDeadLetter(), Duration.ofSeconds(30));
             JetStreamBus b = JetStreamBus.start(freshSettings(QUICK_RETRY), failOnDeadLetter(), Duration.ofSeconds(30))) {
            a.subscribe(envelope -> seenByA.add(envelope.id()));
            b.subscribe(envelope -> seenByB.add(envelope.id()));

            a.publish(envelope(guild(1), 1));
            b.publish(envelope(guild(1), 2));
            awaitCondition("each environment got its envelope", () -> seenByA.size() == 1 && seenByB.size() == 1);

            assertThat(a.inboundStream()).isNotEqualTo(b.inboundStream());
        }
        assertThat(seenByA).containsExactly(envelope(guild(1), 1).id());
        assertThat(seenByB).containsExactly(envelope(guild(1), 2).id());
    }

    @Test
    void anEnvelopePublishedTwiceWithTheSameIdIsDeliveredOnce() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (JetStreamBus bus = JetStreamBus.start(freshSettings(QUICK_RETRY), failOnDeadLetter(),
                Duration.ofSeconds(30))) {
            bus.subscribe(envelope -> seen.add(envelope.id()));

            bus.publish(envelope(guild(5), 0));
            bus.publish(envelope(guild(5), 0)); // a gateway re-publishing after a lost acknowledgement
            bus.publish(envelope(guild(5), 1)); // same guild, same partition: handled only after the ones before
            awaitCondition("the later envelope handled", () -> seen.contains(envelope(guild(5), 1).id()));
        }
        assertThat(seen).containsExactly(envelope(guild(5), 0).id(), envelope(guild(5), 1).id());
    }

    @Test
    void aDeadLetteredEnvelopeIsReadableFromTheDeadLetterStreamWithItsError() throws Exception {
        List<String> sunk = new CopyOnWriteArrayList<>();
        Envelope poisoned = envelope(guild(9), 0);
        try (JetStreamBus bus = JetStreamBus.start(freshSettings(QUICK_RETRY),
                (envelope, failure, attempts) -> sunk.add(envelope.id()), Duration.ofSeconds(30))) {
            bus.subscribe(envelope -> {
                throw new IllegalStateException("cannot handle\nthis one");
            });
            bus.publish(poisoned);
            awaitCondition("dead-lettered", () -> sunk.size() == 1);

            try (Connection connection = Nats.connect(nats.url())) {
                MessageInfo dead = connection.getStreamContext(bus.deadLetterStream()).getMessage(1);
                assertThat(dead.getSubject()).endsWith(".dlq." + guild(9));
                assertThat(new EnvelopeCodec().decode(dead.getData())).isEqualTo(poisoned);
                assertThat(dead.getHeaders().getFirst(JetStreamBus.ERROR_HEADER))
                        .isEqualTo("java.lang.IllegalStateException: cannot handle this one");
                assertThat(dead.getHeaders().getFirst(JetStreamBus.GUILD_HEADER)).isEqualTo(guild(9).toString());
                assertThat(dead.getHeaders().getFirst(JetStreamBus.ATTEMPTS_HEADER))
                        .isEqualTo(String.valueOf(QUICK_RETRY.maxAttempts()));
            }
        }
        assertThat(sunk).containsExactly(poisoned.id());
    }

    @Test
    void envelopesSurviveABrokerRestartBetweenPublishAndConsume() {
        try (NatsServer own = NatsServer.launch()) {
            JetStreamSettings settings = JetStreamSettings.of(own.url(), "restart").withRetry(QUICK_RETRY);
            try (JetStreamBus gateway = JetStreamBus.start(settings, failOnDeadLetter(), Duration.ofSeconds(30))) {
                for (int n = 0; n < 5; n++) gateway.publish(envelope(guild(2), n));
            }

            own.kill();
            own.start();

            List<Integer> seen = new CopyOnWriteArrayList<>();
            try (JetStreamBus worker = JetStreamBus.start(settings, failOnDeadLetter(), Duration.ofSeconds(30))) {
                worker.subscribe(envelope -> seen.add(sequenceOf(envelope)));
                awaitCondition("all delivered after the restart", () -> seen.size() == 5);
            }
            assertThat(seen).containsExactly(0, 1, 2, 3, 4);
        }
    }

    @Test
    void anEnvelopeHeldThroughAnOutageLongerThanTheAckWaitSucceedsOnItsFirstDelivery() {
        JetStreamSettings settings = freshSettings(QUICK_RETRY).withAckWait(Duration.ofSeconds(2))
                .withUnavailablePause(Duration.ofSeconds(3)); // the pause outlasts the ack wait
        List<Long> deliveriesAtSuccess = new CopyOnWriteArrayList<>();
        AtomicInteger outageLeft = new AtomicInteger(2);
        try (LogCapture logs = LogCapture.of(JetStreamBus.class)) {
            try (JetStreamBus bus = JetStreamBus.start(settings, failOnDeadLetter(), Duration.ofSeconds(30),
                    (envelope, delivery) -> deliveriesAtSuccess.add(delivery))) {
                bus.subscribe(envelope -> {
                    if (outageLeft.getAndDecrement() > 0) throw new HandlerUnavailable("the database is down", null);
                });
                bus.publish(envelope(guild(8), 0));
                awaitCondition("handled after the outage", () -> !deliveriesAtSuccess.isEmpty());
            } // a second delivery, had the ack wait run out, would be recorded too

            assertThat(deliveriesAtSuccess).containsExactly(1L);
            assertThat(logs.lines(Level.WARN, "handler is unavailable")).hasSize(1);
            assertThat(logs.lines(Level.INFO, "resumed")).hasSize(1);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES) // far below the drain timeout: close must not wait for an outage
    void closingDuringAnOutageStopsWaitingAndLeavesTheEnvelopeForTheNextWorker() throws Exception {
        // the held message goes to the next worker once its ack wait runs out
        JetStreamSettings settings = freshSettings(QUICK_RETRY).withAckWait(Duration.ofSeconds(2));
        CountDownLatch offered = new CountDownLatch(1);
        JetStreamBus stuck = JetStreamBus.start(settings, failOnDeadLetter(), Duration.ofMinutes(10));
        stuck.subscribe(envelope -> {
            offered.countDown();
            throw new HandlerUnavailable("the database is down", null);
        });
        stuck.publish(envelope(guild(4), 0));
        assertThat(offered.await(30, TimeUnit.SECONDS)).isTrue();

        stuck.close();

        List<String> seen = new CopyOnWriteArrayList<>();
        try (JetStreamBus next = JetStreamBus.start(settings, failOnDeadLetter(), Duration.ofSeconds(30))) {
            next.subscribe(envelope -> seen.add(envelope.id()));
            awaitCondition("the held envelope handled by the next worker", () -> seen.size() == 1);
        }
        assertThat(seen).containsExactly(envelope(guild(4), 0).id());
    }

    @Test
    void theConnectionIsSharedAndReportsItsStatus() throws Exception {
        JetStreamBus bus = JetStreamBus.start(freshSettings(QUICK_RETRY), failOnDeadLetter(), Duration.ofSeconds(30));
        try (bus) {
            assertThat(bus.isConnected()).isTrue();
            assertThat(bus.connection().getStatus()).isEqualTo(Connection.Status.CONNECTED);
            assertThat(bus.connection().request("$JS.API.INFO", new byte[0], Duration.ofSeconds(10))).isNotNull();
        }
        assertThat(bus.isConnected()).isFalse();
    }

    @Test
    void theUnavailablePauseDefaultsToOneSecondAndMustBePositive() {
        JetStreamSettings settings = JetStreamSettings.of("nats://localhost:4222", "dev");

        assertThat(settings.unavailablePause()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.withUnavailablePause(Duration.ofMillis(250)).unavailablePause())
                .isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> settings.withUnavailablePause(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
