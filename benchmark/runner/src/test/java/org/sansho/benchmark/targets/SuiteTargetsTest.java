package org.sansho.benchmark.targets;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteTargetsTest {

    /** The figures of a run as the report gives them: by load name, NaN for a load not measured. */
    private record Figures(Map<String, Double> rps, Map<String, Double> p50, Map<String, Double> p99,
                           Map<String, Double> restartMillis, Map<String, Double> rssMegabytes) implements Measured {
        @Override
        public double requestsPerSecond(String load) {
            return rps.getOrDefault(load, Double.NaN);
        }

        @Override
        public double p50Millis(String load) {
            return p50.getOrDefault(load, Double.NaN);
        }

        @Override
        public double p99Millis(String load) {
            return p99.getOrDefault(load, Double.NaN);
        }
    }

    @Test
    void the_suite_targets_come_in_the_readme_order_with_one_restart_and_one_rss_row_per_service() {
        Map<String, Double> restarts = new LinkedHashMap<>();
        restarts.put("catalog-service", 2100.0);
        restarts.put("contract-service", 1900.0);
        restarts.put("assessment-service", 2500.0);
        restarts.put("ceiling", 1500.0);
        Figures figures = new Figures(Map.of(
                "write ceiling: POST /rows", 1000.0,
                "contract GET by id", 700.0,
                SuiteTargets.READ_CEILING_IN_TURNS + "contract GET by id", 1000.0,
                SuiteTargets.READ_CEILING, 2000.0,
                "applicability (5000 requirements)", 400.0,
                "contract create: POST /contracts", 100.0),
                Map.of(), Map.of(), restarts, Map.of("catalog-service", 250.0, "contract-service", 190.0));
        Targets t = new Targets();

        SuiteTargets.judge(figures, t);

        assertThat(t.all()).extracting(Targets.Target::name).containsExactly(
                "contract GET by id",
                "applicability (5,000 requirements)",
                "applicability (5,000 requirements) p99 at half the read ceiling's rate",
                "contract create",
                "state transition",
                "event latency p99 at 50/s",
                "event latency p99 at 50/s vs broker",
                "catalog-service ready after process start (restart)",
                "catalog-service RSS after warm-up",
                "contract-service ready after process start (restart)",
                "contract-service RSS after warm-up",
                "assessment-service ready after process start (restart)",
                "assessment-service RSS after warm-up",
                "page latency p50, 100k vs 1k contracts",
                "page latency p99, 100k vs 1k contracts");
        List<Targets.Target> all = t.all();
        // a read's ratio is to the read ceiling measured in turns with it, else to the ceilings stage's
        assertThat(all.get(0).reference()).isEqualTo(1000.0);
        assertThat(all.get(0).met()).isTrue();
        assertThat(all.get(1).reference()).isEqualTo(2000.0);
        assertThat(all.get(1).ratio()).isEqualTo(0.2);
        assertThat(all.get(3).ratio()).isEqualTo(0.1);
        // a load not measured is judged not met, with no figure
        assertThat(all.get(4).measured()).isNaN();
        assertThat(all.get(4).met()).isFalse();
        assertThat(all.get(9).met()).isTrue();
        assertThat(all.get(11).met()).isFalse();
        assertThat(all.get(12).measured()).isNaN();
    }

    @Test
    void without_restarts_there_are_no_restart_or_rss_rows() {
        Targets t = new Targets();

        SuiteTargets.judge(new Figures(Map.of(), Map.of(), Map.of(), Map.of(), Map.of("catalog-service", 250.0)), t);

        assertThat(t.all()).hasSize(9).noneMatch(target -> target.name().contains("RSS"));
    }
}
