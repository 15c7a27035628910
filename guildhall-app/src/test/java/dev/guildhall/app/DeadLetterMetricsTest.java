package dev.guildhall.app;

import dev.guildhall.bus.DeadLetterSink;
import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import dev.guildhall.core.id.UserId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterMetricsTest {

    @Test
    void theCounterExistsAtZeroAndCountsEachDeadLetter() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        DeadLetterSink sink = DeadLetterMetrics.countingAndLogging(metrics);
        assertThat(metrics.get(DeadLetterMetrics.DEAD_LETTERS).counter().count()).isZero();
        Envelope envelope = new Envelope("e-1", GuildId.of(81_384_788_765_712_384L), 0, Instant.EPOCH,
                new GuildEvent.MemberJoined(UserId.of(7L)), Map.of());

        sink.deadLetter(envelope, new IllegalStateException("handler broke"), 5);
        sink.deadLetter(envelope, new IllegalStateException("handler broke"), 5);

        assertThat(metrics.get(DeadLetterMetrics.DEAD_LETTERS).counter().count()).isEqualTo(2.0);
    }
}
