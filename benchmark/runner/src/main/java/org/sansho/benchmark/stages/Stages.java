package org.sansho.benchmark.stages;

import org.sansho.benchmark.results.Report;
import org.sansho.benchmark.targets.SuiteTargets;

import java.util.List;
import java.util.Set;

/** The stages of a run in their order: which of them run for a choice of {@code --stages}, running and judging them. */
public final class Stages {

    private final List<Stage> all;

    public Stages(List<Stage> all) {
        this.all = List.copyOf(all);
    }

    /** The names {@code --stages} takes, in the order the stages run. */
    public List<String> choosable() {
        return all.stream().filter(Stage::choosable).map(Stage::name).toList();
    }

    /** The stages that run when {@code chosen} are chosen, in order. */
    public List<Stage> running(Set<String> chosen) {
        return all.stream().filter(s -> s.runs(chosen)).toList();
    }

    /**
     * Runs each stage that runs, in order. A stage that fails ends the run's loads there: what was measured until
     * then is still judged and written, with the failure among the report's facts.
     */
    public void run(Run run) {
        try {
            for (Stage stage : running(run.chosen())) {
                stage.run(run);
            }
        } catch (Exception e) {
            run.report().fact("run ended early", e.toString());
            run.progress("The run ended early: %s (what was measured is still written)", e);
        }
    }

    /** The suite's targets, then the rows of each stage the run included that judges its own. */
    public void judge(Report report, Set<String> chosen) {
        SuiteTargets.judge(report, report.targets());
        for (Stage stage : running(chosen)) {
            stage.judge(report, report.targets());
        }
    }
}
