package dev.guildhall.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencySummaryTest {

    @Test
    void percentilesOfOneToAHundredAreTheirNearestRanks() {
        List<Long> values = new ArrayList<>();
        for (long v = 1; v <= 100; v++) values.add(v);
        Collections.shuffle(values, new Random(7));

        LatencySummary summary = LatencySummary.of(values.stream().mapToLong(Long::longValue).toArray());

        assertThat(summary).isEqualTo(new LatencySummary(100, 50, 99, 100));
    }

    @Test
    void aPercentileIsAlwaysARecordedValue() {
        LatencySummary summary = LatencySummary.of(new long[] {30, 10, 20});

        assertThat(summary.p50Nanos()).isEqualTo(20);
        assertThat(summary.p99Nanos()).isEqualTo(30);
        assertThat(summary.maxNanos()).isEqualTo(30);
    }

    @Test
    void theTailShowsInTheNinetyNinthPercentileOnceItExceedsOnePercent() {
        long[] values = new long[1000];
        java.util.Arrays.fill(values, 5);
        for (int i = 0; i < 11; i++) values[i] = 900;

        LatencySummary summary = LatencySummary.of(values);

        assertThat(summary.p50Nanos()).isEqualTo(5);
        assertThat(summary.p99Nanos()).isEqualTo(900);
    }

    @Test
    void oneValueIsEveryPercentile() {
        assertThat(LatencySummary.of(new long[] {42})).isEqualTo(new LatencySummary(1, 42, 42, 42));
    }

    @Test
    void noValuesGiveAnEmptySummary() {
        assertThat(LatencySummary.of(new long[0])).isEqualTo(LatencySummary.EMPTY);
        assertThat(LatencySummary.EMPTY.count()).isZero();
    }

    @Test
    void theInputIsLeftInItsOrder() {
        long[] values = {3, 1, 2};

        LatencySummary.of(values);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void aPercentileOutsideZeroToAHundredIsRefused() {
        assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySummary.percentile(new long[] {1}, 101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LatencySummary.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
