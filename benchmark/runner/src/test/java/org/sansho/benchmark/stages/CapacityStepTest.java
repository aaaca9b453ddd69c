package org.sansho.benchmark.stages;

import org.junit.jupiter.api.Test;
import org.sansho.benchmark.results.Report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class CapacityStepTest {

    private static CapacityStep step(double rate, long accepted, long consumed, long drainMillis) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("transitions accepted", accepted);
        counts.put("facts consumed", consumed);
        return new CapacityStep(rate, 10, accepted, counts, List.of(0L, 5L, 40L, 12L, 0L), List.of(0L, 3L, 1L, 0L, 0L),
                drainMillis);
    }

    @Test
    void a_step_is_sustained_when_nearly_every_transition_was_accepted_and_the_lag_drained_within_five_seconds() {
        assertThat(step(100, 1000, 1000, 300).sustained()).isTrue();
        assertThat(step(100, 950, 950, 5000).sustained()).isTrue();
        assertThat(step(100, 1000, 700, 5001).sustained()).as("drained too late").isFalse();
        assertThat(step(100, 1000, 700, -1).sustained()).as("never drained").isFalse();
        assertThat(step(100, 940, 940, 100).sustained()).as("fewer accepted than asked").isFalse();
    }

    @Test
    void each_stage_rate_is_its_count_over_the_step_and_the_slowest_is_the_lowest() {
        CapacityStep s = step(150, 1500, 900, -1);

        assertThat(s.acceptedPerSecond()).isEqualTo(150.0, offset(1e-9));
        assertThat(s.stageRates()).containsEntry("facts consumed", 90.0);
        assertThat(s.slowestStage()).isEqualTo("facts consumed");
        assertThat(s.maxLag()).isEqualTo(40);
        assertThat(s.maxRelayBacklog()).isEqualTo(3);
        // two samples a second: every second's is the first, third and fifth
        assertThat(s.lagSeries()).isEqualTo("0 40 0");
        assertThat(s.relaySeries()).isEqualTo("0 1 0");
    }

    @Test
    void the_sustained_rate_is_the_last_step_sustained_with_every_step_below_it_sustained() {
        assertThat(CapacityStep.sustainedRate(List.of(step(50, 500, 500, 10), step(100, 1000, 1000, 10),
                step(150, 1500, 900, -1), step(200, 2000, 2000, 10)))).isEqualTo(100.0, offset(1e-9));
        assertThat(CapacityStep.sustainedRate(List.of(step(50, 500, 400, 9000)))).isZero();
        assertThat(CapacityStep.sustainedRate(List.of())).isZero();
    }

    @Test
    void the_stage_adds_the_sustained_rate_to_the_targets_and_is_not_met_when_it_measured_nothing() {
        EventCapacity measured = new EventCapacity(new Data());
        measured.steps().addAll(List.of(step(50, 500, 500, 10), step(100, 1000, 1000, 10), step(150, 1500, 1500, 10),
                step(200, 2000, 2000, 10), step(300, 3000, 2000, -1)));
        Report report = new Report();
        new Stages(List.of(measured)).judge(report, Set.of("capacity"));
        assertThat(report.targets().all()).last().satisfies(t -> {
            assertThat(t.name()).isEqualTo(EventCapacity.TARGET_NAME);
            assertThat(t.measured()).isEqualTo(200.0, offset(1e-9));
            assertThat(t.met()).isTrue();
        });

        Report nothing = new Report();
        new Stages(List.of(new EventCapacity(new Data()))).judge(nothing, Set.of("capacity"));
        assertThat(nothing.targets().all()).last().satisfies(t -> assertThat(t.met()).isFalse());
    }
}
