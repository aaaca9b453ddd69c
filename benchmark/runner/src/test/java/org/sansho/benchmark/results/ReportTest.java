package org.sansho.benchmark.results;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.sansho.benchmark.load.CpuMeter;
import org.sansho.benchmark.load.Load;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

class ReportTest {

    @Test
    void a_load_cpu_summary_names_each_process_that_used_a_measurable_share_with_its_milliseconds() {
        Map<String, Double> perRequest = new LinkedHashMap<>();
        perRequest.put("contract-service", 15.0);
        perRequest.put("postgres", 5.0);
        perRequest.put("kafka", 2.0);
        perRequest.put("ceiling", 0.01);

        String summary = Report.cpuSummary(new CpuMeter.Usage(perRequest, 1.1, 2));

        assertThat(summary).isEqualTo(
                "contract-service 15.0, postgres 5.00, kafka 2.00 (CPU ms/request; 1.10 of 2 cores busy)");
    }

    @Test
    void the_targets_read_each_load_by_its_name_and_a_load_not_measured_is_nan() {
        Report report = new Report();
        Histogram histogram = new Histogram(60_000_000_000L, 3);
        histogram.recordValue(2_000_000);
        histogram.recordValue(8_000_000);
        report.add("reads", "contract GET by id", new Load.Result("closed, 16 in flight", 1234.5, 2, 0, 5,
                histogram), null, null);
        report.restart("catalog-service", 2100, StartupSteps.parse(""));
        report.rss("catalog-service", 310);

        assertThat(report.requestsPerSecond("contract GET by id")).isEqualTo(1234.5);
        assertThat(report.p50Millis("contract GET by id")).isEqualTo(2.0, offset(0.01));
        assertThat(report.p99Millis("contract GET by id")).isEqualTo(8.0, offset(0.01));
        assertThat(report.requestsPerSecond("contract create: POST /contracts")).isNaN();
        assertThat(report.restartMillis()).containsExactly(Map.entry("catalog-service", 2100.0));
        assertThat(report.rssMegabytes()).containsExactly(Map.entry("catalog-service", 310.0));
    }
}
