package dev.guildhall.bus.nats;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;

import java.io.IOException;
import java.time.Duration;

/**
 * Creates or updates one environment's outbound action stream, the gateways' consumer of it, and the action ledger
 * bucket. Idempotent, so workers and gateways may both call it in any order: an identical object is left as it is, a
 * changed one is updated in place.
 */
final class ActionStreams {
    /** How long JetStream remembers a message id, as for the inbound stream: re-publishes soon after are stored once. */
    static final Duration DUPLICATE_WINDOW = Duration.ofMinutes(2);
    /** How long an action id is remembered; a redelivered envelope re-publishes its actions well within it. */
    static final Duration LEDGER_TTL = Duration.ofHours(24);
    static final Duration ACK_WAIT = Duration.ofSeconds(60);
    static final int MAX_ACK_PENDING = 1000;
    private static final int STREAM_EXISTS_OTHERWISE = 10058;

    private ActionStreams() {}

    /** What a worker needs before publishing: the outbound stream. */
    static void ensureOutbound(Connection nats, Topology topology) throws IOException, JetStreamApiException {
        StreamConfiguration config = StreamConfiguration.builder()
                .name(topology.outboundStream())
                .subjects(topology.outboundSubjects())
                .storageType(StorageType.File)
                .retentionPolicy(RetentionPolicy.Limits)
                .duplicateWindow(DUPLICATE_WINDOW)
                .maxAge(Duration.ofDays(1))
                .build();
        try {
            nats.jetStreamManagement().addStream(config);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_EXISTS_OTHERWISE) throw e;
            nats.jetStreamManagement().updateStream(config);
        }
    }

    /** What a gateway needs besides: its durable consumer of the outbound stream, and the ledger bucket. */
    static void ensureGateway(Connection nats, Topology topology) throws IOException, JetStreamApiException {
        ensureOutbound(nats, topology);
        nats.jetStreamManagement().addOrUpdateConsumer(topology.outboundStream(), ConsumerConfiguration.builder()
                .durable(topology.outboundConsumer())
                .deliverPolicy(DeliverPolicy.All)
                .ackPolicy(AckPolicy.Explicit)
                .ackWait(ACK_WAIT)
                // no server-side limit: the relay counts deliveries and gives up itself, logging what it dropped
                .maxDeliver(-1)
                .maxAckPending(MAX_ACK_PENDING)
                .build());
        KeyValueConfiguration ledger = KeyValueConfiguration.builder()
                .name(topology.actionLedgerBucket())
                .storageType(StorageType.File)
                .ttl(LEDGER_TTL)
                .maxHistoryPerKey(1)
                .build();
        try {
            nats.keyValueManagement().create(ledger);
        } catch (JetStreamApiException e) {
            if (e.getApiErrorCode() != STREAM_EXISTS_OTHERWISE) throw e;
            nats.keyValueManagement().update(ledger);
        }
    }
}
