package org.sansho.benchmark.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class LoadTest {

    @Test
    void the_spans_of_a_load_measured_in_turns_make_one_result_over_their_own_time() {
        Load.Result first = result(List.of(2_000_000L, 4_000_000L), 1, 0.5);
        Load.Result second = result(List.of(10_000_000L), 0, 1.5);

        Load.Result all = Load.combine("in turns", List.of(first, second));

        assertThat(all.count()).isEqualTo(3);
        assertThat(all.errors()).isEqualTo(1);
        assertThat(all.seconds()).isEqualTo(2.0);
        // the time the other load ran in between is not in it: 4 requests in the 2 s of its own spans
        assertThat(all.requestsPerSecond()).isEqualTo(2.0);
        assertThat(all.percentileMillis(50)).isCloseTo(4.0, offset(0.01));
        assertThat(all.maxMillis()).isCloseTo(10.0, offset(0.01));
        assertThat(all.model()).isEqualTo("in turns");
    }

    private static Load.Result result(List<Long> latenciesNanos, long errors, double seconds) {
        Histogram h = new Histogram(60_000_000_000L, 3);
        latenciesNanos.forEach(h::recordValue);
        return new Load.Result("closed", (latenciesNanos.size() + errors) / seconds, latenciesNanos.size(), errors,
                seconds, h);
    }
}
