package dev.guildhall.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MeteredDispatchObserverTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MeteredDispatchObserver observer = new MeteredDispatchObserver(registry);

    @Test
    void commandNamesPastTheCapAreFoldedIntoOther() {
        for (int i = 0; i < MeteredDispatchObserver.MAX_COMMANDS + 50; i++) {
            observer.handled("SLASH_COMMAND", Optional.of("cmd" + i), "ok", Duration.ofMillis(1));
        }

        var timers = registry.find(Metrics.COMMAND_LATENCY).timers();
        assertThat(timers).hasSize(MeteredDispatchObserver.MAX_COMMANDS + 1);
        Timer other = registry.get(Metrics.COMMAND_LATENCY).tag("command", "other").timer();
        assertThat(other.count()).isEqualTo(50);
        assertThat(registry.get(Metrics.COMMAND_LATENCY).tag("command", "cmd0").timer().count()).isEqualTo(1);
    }

    @Test
    void eventsWithoutACommandAreCountedButNotTimed() {
        observer.handled("MESSAGE_CREATE", Optional.empty(), "ignored", Duration.ofMillis(3));

        assertThat(registry.get(Metrics.EVENTS_HANDLED).tags("kind", "MESSAGE_CREATE", "outcome", "ignored")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.find(Metrics.COMMAND_LATENCY).timers()).isEmpty();
    }

    @Test
    void latencyIsRecordedPerCommandAndOutcome() {
        observer.handled("SLASH_COMMAND", Optional.of("round create"), "error", Duration.ofMillis(250));

        Timer timer = registry.get(Metrics.COMMAND_LATENCY).tags("command", "round create", "outcome", "error").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(250.0);
    }
}
