package dev.guildhall.bus.nats;

import dev.guildhall.core.action.Action;
import dev.guildhall.core.action.ActionResult;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.testkit.NatsServer;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.Nats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ledger when NATS fails around a claim or around the recording of a result. */
class ActionLedgerTest {
    private static NatsServer nats;

    @BeforeAll
    static void startNats() {
        nats = NatsServer.launch();
    }

    @AfterAll
    static void stopNats() {
        if (nats != null) nats.close();
    }

    /** The real bucket, except that the first {@code failing} calls of {@code method} fail as a lost answer would. */
    private static KeyValue flaky(KeyValue real, String method, int failing, boolean landsAnyway) {
        AtomicInteger left = new AtomicInteger(failing);
        return (KeyValue) Proxy.newProxyInstance(KeyValue.class.getClassLoader(), new Class<?>[] {KeyValue.class},
                (proxy, called, args) -> {
                    if (called.getName().equals(method) && left.getAndDecrement() > 0) {
                        if (landsAnyway) called.invoke(real, args);
                        throw new IOException("Timeout or no response waiting for NATS JetStream server");
                    }
                    try {
                        return called.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static KeyValue bucket(Connection connection, String environment) throws Exception {
        Topology topology = new Topology(environment, 4);
        ActionStreams.ensureGateway(connection, topology);
        return connection.keyValue(topology.actionLedgerBucket());
    }

    @Test
    void aResultThatCouldNotBeRecordedIsStillAnsweredByTheGatewayThatExecutedIt() throws Exception {
        try (Connection connection = Nats.connect(nats.url())) {
            KeyValue real = bucket(connection, "ledger1");
            ActionCodec codec = new ActionCodec();
            ActionLedger ledger = new ActionLedger(flaky(real, "put", 1, false), codec, Duration.ofMillis(300));
            RecordingDiscord discord = new RecordingDiscord();
            Action create = new Action.CreateRole(GuildId.of(42L), "Players");

            ActionLedger.Outcome first = ledger.runOnce("e1/1", create, discord);
            ActionLedger.Outcome again = ledger.runOnce("e1/1", create, discord);
            ActionLedger.Outcome elsewhere = new ActionLedger(real, codec, Duration.ofMillis(300))
                    .runOnce("e1/1", create, discord);

            ActionResult created = ((ActionLedger.Outcome.Executed) first).result();
            assertThat(again).isEqualTo(new ActionLedger.Outcome.Deduplicated(created));
            // the retry recorded it, so another gateway now knows the result too
            assertThat(elsewhere).isEqualTo(new ActionLedger.Outcome.Deduplicated(created));
            assertThat(discord.executed()).containsExactly(create);
        }
    }

    @Test
    void aClaimWhoseAnswerWasLostIsTakenUpAgainByItsGatewayAndRunsOnce() throws Exception {
        try (Connection connection = Nats.connect(nats.url())) {
            KeyValue real = bucket(connection, "ledger2");
            ActionCodec codec = new ActionCodec();
            ActionLedger ledger = new ActionLedger(flaky(real, "create", 1, true), codec, Duration.ofMillis(300));
            RecordingDiscord discord = new RecordingDiscord();
            Action create = new Action.CreateRole(GuildId.of(42L), "Editors");

            assertThatThrownBy(() -> ledger.runOnce("e2/1", create, discord)).isInstanceOf(IOException.class);
            ActionLedger.Outcome retried = ledger.runOnce("e2/1", create, discord);
            ActionLedger.Outcome elsewhere = new ActionLedger(real, codec, Duration.ofMillis(300))
                    .runOnce("e2/1", create, discord);

            ActionResult created = ((ActionLedger.Outcome.Executed) retried).result();
            assertThat(elsewhere).isEqualTo(new ActionLedger.Outcome.Deduplicated(created));
            assertThat(discord.executed()).containsExactly(create);
        }
    }

    @Test
    void anotherGatewaysUnfinishedClaimIsNeverRunHere() throws Exception {
        try (Connection connection = Nats.connect(nats.url())) {
            KeyValue real = bucket(connection, "ledger3");
            ActionCodec codec = new ActionCodec();
            RecordingDiscord discord = new RecordingDiscord();
            Action create = new Action.CreateRole(GuildId.of(42L), "Admins");
            ActionLedger other = new ActionLedger(flaky(real, "create", 1, true), codec, Duration.ofMillis(300));
            assertThatThrownBy(() -> other.runOnce("e3/1", create, discord)).isInstanceOf(IOException.class);

            ActionLedger.Outcome here = new ActionLedger(real, codec, Duration.ofMillis(300))
                    .runOnce("e3/1", create, discord);

            assertThat(here).isEqualTo(new ActionLedger.Outcome.StillPending());
            assertThat(discord.executed()).isEmpty();
        }
    }
}
