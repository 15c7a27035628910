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

/** The ledger when NATS fails between Discord's answer and the recording of it. */
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

    @Test
    void aResultThatCouldNotBeRecordedIsStillAnsweredByTheGatewayThatExecutedIt() throws Exception {
        try (Connection connection = Nats.connect(nats.url())) {
            Topology topology = new Topology("ledger1", 4);
            ActionStreams.ensureGateway(connection, topology);
            KeyValue real = connection.keyValue(topology.actionLedgerBucket());
            AtomicInteger failingPuts = new AtomicInteger(1);
            KeyValue flaky = (KeyValue) Proxy.newProxyInstance(KeyValue.class.getClassLoader(),
                    new Class<?>[] {KeyValue.class}, (proxy, method, args) -> {
                        if (method.getName().equals("put") && failingPuts.getAndDecrement() > 0) {
                            throw new IOException("Timeout or no response waiting for NATS JetStream server");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            ActionCodec codec = new ActionCodec();
            ActionLedger ledger = new ActionLedger(flaky, codec, Duration.ofMillis(300));
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
}
