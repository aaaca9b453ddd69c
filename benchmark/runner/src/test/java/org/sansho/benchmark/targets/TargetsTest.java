package org.sansho.benchmark.targets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    @Test
    void a_share_of_a_ceiling_is_met_at_or_above_the_share_and_reports_the_ratio() {
        Targets t = new Targets();
        Targets.Target met = t.atLeastShare("contract GET", 700, 1000, 0.7, "read ceiling");
        Targets.Target missed = t.atLeastShare("create", 499, 1000, 0.5, "write ceiling");

        assertThat(met.met()).isTrue();
        assertThat(met.ratio()).isEqualTo(0.7);
        assertThat(met.rule()).isEqualTo("≥ 70 % of read ceiling");
        assertThat(missed.met()).isFalse();
        assertThat(missed.ratio()).isEqualTo(0.499);
        assertThat(t.all()).containsExactly(met, missed);
    }

    @Test
    void limits_and_factors_are_met_at_or_below_them_and_a_missing_measurement_is_never_met() {
        Targets t = new Targets();
        assertThat(t.atMost("p99", 20.0, 20, "ms").met()).isTrue();
        assertThat(t.atMost("p99", 20.5, 20, "ms").met()).isFalse();
        assertThat(t.atMost("p99", Double.NaN, 20, "ms").met()).isFalse();
        Targets.Target factor = t.atMostTimes("event p99", 30, 12, 3, "broker p99");
        assertThat(factor.ratio()).isEqualTo(2.5);
        assertThat(factor.met()).isTrue();
        assertThat(t.atMostTimes("page", 16, 10, 1.5, "1k").met()).isFalse();
    }

    @Test
    void an_absolute_floor_is_met_at_or_above_it_and_a_missing_measurement_is_never_met() {
        Targets t = new Targets();
        Targets.Target met = t.atLeast("sustained", 200, 200, "transitions/s");
        assertThat(met.met()).isTrue();
        assertThat(met.rule()).isEqualTo("≥ 200 transitions/s");
        assertThat(t.atLeast("sustained", 150, 200, "transitions/s").ratio()).isEqualTo(0.75);
        assertThat(t.atLeast("sustained", 150, 200, "transitions/s").met()).isFalse();
        assertThat(t.atLeast("sustained", Double.NaN, 200, "transitions/s").met()).isFalse();
    }
}
