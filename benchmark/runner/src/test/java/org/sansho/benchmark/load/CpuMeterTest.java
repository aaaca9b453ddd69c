package org.sansho.benchmark.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTest {

    @Test
    void a_measurement_divides_each_process_cpu_time_by_the_requests_and_counts_the_busy_cores() {
        CpuMeter.Snapshot before = new CpuMeter.Snapshot(0, Map.of(
                "contract-service", Duration.ofMillis(1_000), "postgres", Duration.ofMillis(500)));
        // two seconds later: 1.5 s more for the service, 0.5 s more for the database, a new process with 0.2 s
        CpuMeter.Snapshot after = new CpuMeter.Snapshot(Duration.ofSeconds(2).toNanos(), Map.of(
                "contract-service", Duration.ofMillis(2_500), "postgres", Duration.ofMillis(1_000),
                "kafka", Duration.ofMillis(200)));

        CpuMeter.Usage usage = CpuMeter.between(before, after, 100);

        assertThat(usage.millisPerRequest()).containsEntry("contract-service", 15.0).containsEntry("postgres", 5.0)
                .containsEntry("kafka", 2.0);
        assertThat(usage.busyCores()).isEqualTo(1.1);
    }

    @Test
    void a_process_that_restarted_in_between_never_counts_negative() {
        CpuMeter.Snapshot before = new CpuMeter.Snapshot(0, Map.of("postgres", Duration.ofMillis(900)));
        CpuMeter.Snapshot after = new CpuMeter.Snapshot(Duration.ofSeconds(1).toNanos(),
                Map.of("postgres", Duration.ofMillis(300)));

        assertThat(CpuMeter.between(before, after, 10).millisPerRequest()).containsEntry("postgres", 0.0);
    }

    @Test
    void a_load_measured_in_spans_sums_their_cpu_time_requests_and_seconds() {
        CpuMeter.Tally tally = new CpuMeter.Tally();
        // one second with 100 requests, a second of another load not counted, then one more second with 300
        tally.add(new CpuMeter.Snapshot(0, Map.of("ceiling", Duration.ofMillis(0))),
                new CpuMeter.Snapshot(Duration.ofSeconds(1).toNanos(), Map.of("ceiling", Duration.ofMillis(600))), 100);
        tally.add(new CpuMeter.Snapshot(Duration.ofSeconds(2).toNanos(), Map.of("ceiling", Duration.ofMillis(1_400))),
                new CpuMeter.Snapshot(Duration.ofSeconds(3).toNanos(), Map.of("ceiling", Duration.ofMillis(2_400))), 300);

        CpuMeter.Usage usage = tally.usage();

        assertThat(usage.millisPerRequest()).containsEntry("ceiling", 4.0);
        assertThat(usage.busyCores()).isEqualTo(0.8);
    }

    @Test
    void the_snapshot_of_this_machine_finds_the_runner_itself() {
        CpuMeter meter = new CpuMeter(Map::of);

        assertThat(meter.snapshot().cpu()).containsKey("runner");
    }
}
