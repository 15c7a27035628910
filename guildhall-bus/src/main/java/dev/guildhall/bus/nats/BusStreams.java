package dev.guildhall.bus.nats;

import io.nats.client.ConsumeOptions;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import java.io.IOException;
import java.time.Duration;

/** Creates or updates the streams and partition consumers of one environment's bus, as {@link JetStreamBus} describes. */
final class BusStreams {
    /**
     * How consumers pull: a pull request lives 5 s (heartbeats every 2.5 s), so after a broker restart, which forgets
     * pending pulls, consumption resumes within seconds instead of after the client's default 30 s expiry and its
     * missed-heartbeat alarm.
     */
    static final ConsumeOptions PULLS = ConsumeOptions.builder().expiresIn(5_000).build();

    /**
     * Deliveries the server allows beyond the settings' maximum. The bus itself dead-letters at the maximum; the spare
     * ones only matter when a worker died during the last attempt, so the envelope still reaches the dead letters
     * instead of being dropped silently by the server.
     */
    private static final int SPARE_DELIVERIES = 2;
    /** The JetStream API's error code for "stream name already in use with a different configuration". */
    private static final int STREAM_EXISTS_OTHERWISE = 10058;

    private BusStreams() {}

    /** Idempotent: an identical stream or consumer is left as it is; a changed one is updated in place. */
    static void ensure(JetStreamManagement management, Topology topology, JetStreamSettings settings)
            throws IOException, JetStreamApiException {
        ensureStream(management, StreamConfiguration.builder()
                .name(topology.inboundStream())
                .subjects(topology.inboundSubjects())
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.Limits)
                .duplicateWindow(JetStreamBus.DUPLICATE_WINDOW)
                .maxAge(Duration.ofDays(7))
                .build());
        ensureStream(management, StreamConfiguration.builder()
                .name(topology.deadLetterStream())
                .subjects(topology.deadLetterSubjects())
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.Limits)
                .duplicateWindow(JetStreamBus.DUPLICATE_WINDOW)
                .build());
        for (int partition = 0; partition < settings.partitions(); partition++) {
            management.addOrUpdateConsumer(topology.inboundStream(), ConsumerConfiguration.builder()
                    .durable(topology.consumer(partition))
                    .filterSubject(topology.partitionFilter(partition))
                    .deliverPolicy(DeliverPolicy.All)
                    .ackPolicy(AckPolicy.Explicit)
                    .ackWait(settings.ackWait())
                    .maxDeliver(settings.maxDeliveries() + SPARE_DELIVERIES)
                    .maxAckPending(1)
                    // no server-side backoff: it would replace ackWait with its first step and redeliver envelopes
                    // whose handler is merely slow; failures are nak'd with the settings' backoff instead
                    .build());
        }
    }

    private static void ensureStream(JetStreamManagement management, StreamConfiguration config)
            throws IOException, JetStreamApiException {
        try {
            management.addStream(config);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_EXISTS_OTHERWISE) throw e;
            management.updateStream(config);
        }
    }
}
