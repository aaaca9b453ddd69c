package org.sansho.benchmark.stages;

import org.sansho.benchmark.results.Report;
import org.sansho.benchmark.targets.Targets;

import java.util.Set;

/**
 * One stage of a run: it measures loads on the running suite and records them in the run's report. A new stage is a
 * class implementing this and one line in {@code Bench.stages()}, where its place in the list is its place in the
 * run; by its {@link #name()} {@code --stages} can choose it.
 */
public interface Stage {

    /** Its name for {@code --stages} (and the list the README gives). */
    String name();

    /** Whether {@code --stages} can choose it; a stage every run needs (set-up, memory) cannot. */
    default boolean choosable() {
        return true;
    }

    /** Whether it runs, given the stages chosen (all of them by default): when chosen itself, unless it says more. */
    default boolean runs(Set<String> chosen) {
        return chosen.contains(name());
    }

    /** Measures, and records what it measured in {@code run.report()}. */
    void run(Run run) throws Exception;

    /**
     * Adds the stage's own rows to the targets table, after the suite's targets ({@code SuiteTargets}); called once
     * the run's loads are over, for each stage the run included, in the order of the stages, whether or not its loads
     * were all measured (a run can end early): as with the suite's, a target whose load is missing is not met.
     */
    default void judge(Report report, Targets targets) {
    }
}
