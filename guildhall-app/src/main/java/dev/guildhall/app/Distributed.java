package dev.guildhall.app;

import dev.guildhall.bus.RetryPolicy;
import dev.guildhall.bus.nats.JetStreamSettings;

import java.time.Duration;

/** What the gateway, the workers and the dead-letter commands agree on: the JetStream settings of an environment. */
final class Distributed {
    private Distributed() {}

    static JetStreamSettings busSettings(AppConfig config) {
        AppConfig.BusConfig bus = config.bus();
        RetryPolicy retry = new RetryPolicy(bus.maxDeliveries(), Duration.ofMillis(500), 2.0);
        return JetStreamSettings.of(bus.natsUrl(), config.environment())
                .withRetry(retry)
                .withPartitions(bus.partitions())
                .withAckWait(bus.ackWait());
    }
}
