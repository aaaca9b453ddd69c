package org.sansho.benchmark.stages;

import org.junit.jupiter.api.Test;
import org.sansho.benchmark.results.Report;
import org.sansho.benchmark.targets.Targets;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StagesTest {

    /** A stage with a target of its own, as a stage added later may have. */
    private record Judging(String name, double measured) implements Stage {
        @Override
        public void run(Run run) {
        }

        @Override
        public void judge(Report report, Targets targets) {
            targets.atMost(name + " lag", measured, 100, "records");
        }
    }

    @Test
    void a_stage_that_judges_adds_its_rows_after_the_suite_targets_and_only_when_it_runs() {
        Stages stages = new Stages(List.of(new Judging("capacity", 40), new Ceilings(), new Judging("two-hop", 120)));
        Report report = new Report();

        stages.judge(report, Set.of("capacity", "ceilings"));

        List<Targets.Target> rows = report.targets().all();
        assertThat(rows).extracting(Targets.Target::name).startsWith("contract GET by id").endsWith("capacity lag")
                .doesNotContain("two-hop lag");
        assertThat(rows.get(rows.size() - 1).met()).isTrue();
    }

    @Test
    void a_stage_every_run_needs_runs_whatever_is_chosen_and_cannot_be_chosen() {
        Stages stages = new Stages(List.of(new Ceilings(), new Data(), new ResidentMemory()));

        assertThat(stages.choosable()).containsExactly("ceilings");
        assertThat(stages.running(Set.of())).extracting(Stage::name).containsExactly("data", "memory");
    }
}
