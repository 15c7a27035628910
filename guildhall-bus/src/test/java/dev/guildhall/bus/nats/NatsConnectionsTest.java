package dev.guildhall.bus.nats;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.guildhall.testkit.FreePorts;
import dev.guildhall.testkit.NatsServer;
import io.nats.client.Connection;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A NATS URL's user, password or token never reaches a message, a settings' text or an exception's causes. */
class NatsConnectionsTest {

    @Test
    void redactionDropsUserPasswordAndTokenFromEveryServer() {
        assertThat(NatsConnections.redacted("nats://gh:s3cret@nats.internal:4222")).isEqualTo("nats://nats.internal:4222");
        assertThat(NatsConnections.redacted("nats://t0ken@nats:4222")).isEqualTo("nats://nats:4222");
        assertThat(NatsConnections.redacted("nats://a:b@n1:4222,nats://c:d@n2:4222")).isEqualTo("nats://n1:4222,nats://n2:4222");
        assertThat(NatsConnections.redacted("tls://nats:4222")).isEqualTo("tls://nats:4222");
    }

    @Test
    void settingsNeverShowTheCredentials() {
        JetStreamSettings settings = JetStreamSettings.of("nats://gh:s3cret@127.0.0.1:4222", "prod");

        assertThat(settings.toString()).contains("nats://127.0.0.1:4222", "prod").doesNotContain("s3cret");
    }

    @Test
    void aBusThatCannotConnectNamesTheServerButNotItsCredentials() {
        int port = FreePorts.next();
        JetStreamSettings settings = JetStreamSettings.of("nats://operator:s3cret@127.0.0.1:" + port, "redact");

        assertThatThrownBy(() -> JetStreamBus.start(settings))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("nats://127.0.0.1:" + port)
                .satisfies(e -> assertThat(CacheInvalidationTest.stackTraceOf(e))
                        .contains("Unable to connect").doesNotContain("s3cret").doesNotContain("operator"));
    }

    @Test
    void aLostAndRegainedServerIsOneWarningAndOneInfoInOurOwnLog() throws InterruptedException {
        Logger logger = (Logger) LoggerFactory.getLogger(NatsEventLog.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try (NatsServer nats = NatsServer.launch();
             Connection connection = NatsConnections.connect(nats.url(), "log-test", -1)) {
            Eventually.await("connected logged", () -> messages(lines, Level.INFO).stream().anyMatch(m -> m.contains("connected to")));

            nats.kill();
            Eventually.await("the loss logged", () -> messages(lines, Level.WARN).stream().anyMatch(m -> m.contains("lost its server")));
            nats.start();
            Eventually.await("the reconnection logged", () -> connection.getStatus() == Connection.Status.CONNECTED
                    && messages(lines, Level.INFO).stream().anyMatch(m -> m.contains("reconnected to")));

            assertThat(messages(lines, Level.WARN)).filteredOn(m -> m.contains("lost its server")).hasSize(1);
        } finally {
            logger.detachAppender(lines);
        }
    }

    private static List<String> messages(ListAppender<ILoggingEvent> lines, Level level) {
        return List.copyOf(lines.list).stream().filter(e -> e.getLevel() == level)
                .map(ILoggingEvent::getFormattedMessage).toList();
    }
}
