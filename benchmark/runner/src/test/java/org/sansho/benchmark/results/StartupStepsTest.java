package org.sansho.benchmark.results;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StartupStepsTest {

    /** The lines of a restart as a service writes them: the steps' plain lines among its JSON log lines. */
    private static final String RESTART = String.join("\n",
            "2026-11-26 14:29:27,154 Build step MutinyProcessor.buildTimeInit completed in: 4ms",
            "2026-11-26 14:29:27,170 Build step FlywayProcessor.startActions completed in: 276ms",
            "{\"timestamp\":\"2026-11-26T14:29:27.3Z\",\"loggerName\":\"org.flywaydb.core.FlywayExecutor\","
                    + "\"message\":\"Database: jdbc:postgresql://localhost:25432/assessment (PostgreSQL 17.6)\"}",
            "2026-11-26 14:29:27,600 Build step HibernateValidatorProcessor.init completed in: 349ms",
            "2026-11-26 14:29:27,700 Build step VertxHttpProcessor.openSocket completed in: 15ms",
            "2026-11-26 14:29:27,701 Build step VertxHttpProcessor.openSocket completed in: 2ms",
            "2026-11-26 14:29:28,200 Build step LifecycleEventsBuildStep.startupEvent completed in: 537ms",
            "{\"timestamp\":\"2026-11-26T14:29:28.3Z\",\"loggerName\":\"io.quarkus\",\"message\":\"assessment-service "
                    + "0.1.0-SNAPSHOT on JVM (powered by Quarkus 3.33.2) started in 2.423s. Listening on: "
                    + "http://0.0.0.0:28083\"}");

    @Test
    void reads_quarkus_start_and_its_steps_longest_first_summing_a_step_run_twice() {
        StartupSteps steps = StartupSteps.parse(RESTART);

        assertThat(steps.complete()).isTrue();
        assertThat(steps.quarkusMillis().getAsDouble()).isEqualTo(2423.0);
        assertThat(List.copyOf(steps.stepMillis().keySet())).containsExactly("LifecycleEventsBuildStep.startupEvent",
                "HibernateValidatorProcessor.init", "FlywayProcessor.startActions", "VertxHttpProcessor.openSocket",
                "MutinyProcessor.buildTimeInit");
        assertThat(steps.stepMillis()).containsEntry("VertxHttpProcessor.openSocket", 17L);
        assertThat(steps.longest(2)).isEqualTo(Map.of("LifecycleEventsBuildStep.startupEvent", 537L,
                "HibernateValidatorProcessor.init", 349L));
        assertThat(steps.longestList(2)).isEqualTo("LifecycleEventsBuildStep.startupEvent 537, "
                + "HibernateValidatorProcessor.init 349");
        assertThat(steps.summary(3)).isEqualTo("Quarkus 2423 ms; its longest steps (ms): "
                + "LifecycleEventsBuildStep.startupEvent 537, HibernateValidatorProcessor.init 349, "
                + "FlywayProcessor.startActions 276");
    }

    @Test
    void a_start_still_under_way_is_not_complete() {
        StartupSteps steps = StartupSteps.parse(RESTART.substring(0, RESTART.indexOf("{\"timestamp\":\"2026-11-26T14:29:28")));

        assertThat(steps.complete()).isFalse();
        assertThat(steps.summary(3)).isEqualTo("no Quarkus start found in the log");
        assertThat(steps.stepMillis()).hasSize(5);
    }

    @Test
    void a_start_that_printed_no_steps_has_only_its_time() {
        StartupSteps steps = StartupSteps.parse("{\"message\":\"ceiling 0.1.0-SNAPSHOT on JVM started in 0.996s.\"}");

        assertThat(steps.quarkusMillis().getAsDouble()).isEqualTo(996.0);
        assertThat(steps.stepMillis()).isEmpty();
        assertThat(steps.summary(3)).isEqualTo("Quarkus 996 ms (no steps printed)");
    }
}
