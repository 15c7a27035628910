package dev.guildhall.bus.nats;

import dev.guildhall.testkit.FreePorts;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

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
}
