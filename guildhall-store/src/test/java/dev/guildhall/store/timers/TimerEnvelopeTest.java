package dev.guildhall.store.timers;

import dev.guildhall.core.event.Envelope;
import dev.guildhall.core.event.GuildEvent;
import dev.guildhall.core.id.GuildId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimerEnvelopeTest {
    private static final GuildId GUILD = GuildId.of(1234567890123456789L);

    @Test
    void aKeyMayHoldTheSeparatorAndColonsAndComesBackWhole() {
        Instant at = Instant.parse("2026-07-01T09:30:00Z");
        Envelope envelope = DurableTimers.envelope(DurableTimers.instanceId(GUILD, "frolf:tag:swap", "12|a:b"), at);

        assertThat(envelope.guild()).isEqualTo(GUILD);
        assertThat(envelope.event()).isEqualTo(new GuildEvent.TimerFired("frolf:tag:swap", "12|a:b"));
        assertThat(envelope.id()).isEqualTo("timer:frolf:tag:swap:12|a:b:" + at.toEpochMilli());
        assertThat(envelope.occurredAt()).isEqualTo(at);
    }

    @Test
    void theSameTimerAtTheSameTimeAlwaysHasTheSameEnvelopeId() {
        Instant at = Instant.parse("2026-07-01T09:30:00Z");
        String instance = DurableTimers.instanceId(GUILD, "frolf:start", "3");

        assertThat(DurableTimers.envelope(instance, at).id()).isEqualTo(DurableTimers.envelope(instance, at).id());
        assertThat(DurableTimers.envelope(instance, at.plusSeconds(60)).id())
                .isNotEqualTo(DurableTimers.envelope(instance, at).id());
    }
}
