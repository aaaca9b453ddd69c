package org.sansho.testsupport;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final String PAGE = """
            # HELP sansho_inbox_events_total Events received through the inbox, by outcome
            # TYPE sansho_inbox_events_total counter
            sansho_inbox_events_total{consumer="a.contract-events",outcome="processed"} 24.0 # {span_id="1",trace_id="2"} 1.0 1795632011.412
            sansho_inbox_events_total{consumer="a.contract-events",outcome="duplicate"} 3.0
            sansho_inbox_events_total{consumer="b.catalog-events",outcome="processed"} 5.0
            kafka_consumer_fetch_manager_records_lag{client_id="c",partition="0",topic="contract.events"} 2.0
            kafka_consumer_fetch_manager_records_lag{client_id="c",partition="1",topic="contract.events"} 1.0
            sansho_outbox_unsent 7.0
            """;

    @Test
    void sums_the_samples_whose_labels_match_and_ignores_exemplars_and_comments() {
        PrometheusText metrics = PrometheusText.of(PAGE);
        assertThat(metrics.sum("sansho_inbox_events_total", Map.of("consumer", "a.contract-events",
                "outcome", "processed"))).hasValue(24.0);
        assertThat(metrics.sum("sansho_inbox_events_total", Map.of("outcome", "processed"))).hasValue(29.0);
        assertThat(metrics.sum("kafka_consumer_fetch_manager_records_lag", Map.of("topic", "contract.events")))
                .hasValue(3.0);
        assertThat(metrics.sum("sansho_outbox_unsent")).hasValue(7.0);
    }

    @Test
    void a_metric_or_label_set_that_is_not_there_is_empty_not_zero() {
        PrometheusText metrics = PrometheusText.of(PAGE);
        assertThat(metrics.sum("sansho_dlq_events_total")).isEmpty();
        assertThat(metrics.sum("sansho_inbox_events_total", Map.of("consumer", "nobody"))).isEmpty();
        assertThat(metrics.sum("sansho_inbox_events")).isEmpty();
    }
}
