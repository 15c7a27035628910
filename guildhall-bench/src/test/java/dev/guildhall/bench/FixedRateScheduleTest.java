package dev.guildhall.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FixedRateScheduleTest {

    @Test
    void commandsAreDueOnePeriodApartFromTheStart() {
        FixedRateSchedule schedule = new FixedRateSchedule(200, 3000, 50);

        assertThat(schedule.plannedOffsetNanos(0)).isZero();
        assertThat(schedule.plannedOffsetNanos(1)).isEqualTo(5_000_000);
        assertThat(schedule.plannedOffsetNanos(2999)).isEqualTo(14_995_000_000L);
    }

    @Test
    void plannedTimesDoNotDriftWhenThePeriodIsNotWhole() {
        FixedRateSchedule schedule = new FixedRateSchedule(3, 3_000_001, 1);

        assertThat(schedule.plannedOffsetNanos(3)).isEqualTo(1_000_000_000L);
        assertThat(schedule.plannedOffsetNanos(3_000_000)).isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void fractionalRatesAreAllowed() {
        FixedRateSchedule schedule = new FixedRateSchedule(0.5, 2, 1);

        assertThat(schedule.plannedOffsetNanos(1)).isEqualTo(2_000_000_000L);
    }

    @Test
    void commandsGoToTheGuildsInTurn() {
        FixedRateSchedule schedule = new FixedRateSchedule(10, 7, 3);

        assertThat(java.util.stream.IntStream.range(0, 7).map(schedule::guildOf).toArray())
                .containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void theOfferWindowIsOnePeriodPerCommand() {
        assertThat(new FixedRateSchedule(200, 3000, 50).windowNanos()).isEqualTo(15_000_000_000L);
        assertThat(new FixedRateSchedule(200, 0, 50).windowNanos()).isZero();
    }

    @Test
    void aCommandOutsideTheRunIsRefused() {
        FixedRateSchedule schedule = new FixedRateSchedule(10, 5, 1);

        assertThatThrownBy(() -> schedule.plannedOffsetNanos(5)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> schedule.guildOf(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aRateThatIsNotPositiveOrFiniteIsRefused() {
        assertThatThrownBy(() -> new FixedRateSchedule(0, 1, 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new FixedRateSchedule(-5, 1, 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new FixedRateSchedule(Double.NaN, 1, 1)).hasMessageContaining("rate");
        assertThatThrownBy(() -> new FixedRateSchedule(Double.POSITIVE_INFINITY, 1, 1)).hasMessageContaining("rate");
    }

    @Test
    void aNegativeCountOrNoGuildIsRefused() {
        assertThatThrownBy(() -> new FixedRateSchedule(1, -1, 1)).hasMessageContaining("count");
        assertThatThrownBy(() -> new FixedRateSchedule(1, 1, 0)).hasMessageContaining("guilds");
    }
}
