package org.sansho.benchmark;

import org.junit.jupiter.api.Test;
import org.sansho.benchmark.stages.Stage;
import org.sansho.benchmark.stages.Stages;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BenchTest {

    private final Stages stages = Bench.stages();

    @Test
    void stages_takes_the_stages_the_readme_lists_in_the_order_they_run() {
        assertThat(stages.choosable()).containsExactly("ceilings", "writes", "reads", "vendor", "events", "capacity",
                "import", "growth", "restarts");
    }

    @Test
    void a_full_run_runs_every_stage_with_the_data_first_and_the_memory_before_the_restarts() {
        assertThat(stages.running(Set.copyOf(stages.choosable()))).extracting(Stage::name).containsExactly(
                "ceilings", "data", "writes", "reads", "vendor", "events", "capacity", "import", "growth", "memory",
                "restarts");
    }

    @Test
    void the_reads_and_the_vendor_responses_bring_the_writes_they_work_on() {
        assertThat(stages.running(Set.of("reads"))).extracting(Stage::name)
                .containsExactly("data", "writes", "reads", "memory");
        assertThat(stages.running(Set.of("vendor"))).extracting(Stage::name)
                .containsExactly("data", "writes", "vendor", "memory");
        assertThat(stages.running(Set.of("events", "restarts"))).extracting(Stage::name)
                .containsExactly("data", "events", "memory", "restarts");
        assertThat(stages.running(Set.of("events", "capacity"))).extracting(Stage::name)
                .containsExactly("data", "events", "capacity", "memory");
    }
}
