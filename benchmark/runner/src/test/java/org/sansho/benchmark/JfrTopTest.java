package org.sansho.benchmark;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JfrTopTest {

    private static final Instant T0 = Instant.parse("2026-11-26T12:00:00Z");

    private static JfrTop.Sample at(int second, String thread, String... frames) {
        return new JfrTop.Sample(T0.plusSeconds(second), thread, List.of(frames));
    }

    @Test
    void during_keeps_every_thread_from_the_first_to_the_last_sample_of_the_method() {
        List<JfrTop.Sample> samples = List.of(
                at(1, "executor-thread-1", "Flyway.migrate"),
                at(2, "executor-thread-1", "Jackson.write", "ContractResource.get"),
                at(3, "vert.x-eventloop-thread-0", "Netty.read"),
                at(4, "executor-thread-2", "Hibernate.find", "ContractResource.get"),
                at(5, "executor-thread-1", "Hibernate.find", "ApplicabilityResource.checklist"));

        List<JfrTop.Sample> during = JfrTop.during(samples, "ContractResource.get");

        assertThat(during).extracting(JfrTop.Sample::frames).extracting(f -> f.get(0))
                .containsExactly("Jackson.write", "Netty.read", "Hibernate.find");
    }

    @Test
    void during_a_method_never_sampled_is_empty() {
        assertThat(JfrTop.during(List.of(at(1, "main", "Flyway.migrate")), "ContractResource.get")).isEmpty();
    }
}
