package org.sansho.contract.contracts;

import org.junit.jupiter.api.Test;
import org.sansho.contract.contracts.domain.ServiceLevelCheck;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceLevelCheckTest {

    private static final Instant DETECTED = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void a_restore_exactly_at_the_rto_keeps_it_and_one_minute_later_misses_it() {
        assertThat(ServiceLevelCheck.restoredWithinRto(DETECTED, Instant.parse("2025-06-02T00:00:00Z"), 24)).isTrue();
        assertThat(ServiceLevelCheck.restoredWithinRto(DETECTED, Instant.parse("2025-06-02T00:01:00Z"), 24)).isFalse();
    }

    @Test
    void data_loss_is_compared_in_minutes_with_the_rpo_in_hours() {
        assertThat(ServiceLevelCheck.lossWithinRpo(240, 4)).isTrue();
        assertThat(ServiceLevelCheck.lossWithinRpo(241, 4)).isFalse();
        assertThat(ServiceLevelCheck.lossWithinRpo(0, 0)).isTrue();
    }

    @Test
    void a_level_the_sla_does_not_set_or_a_figure_not_yet_known_gives_no_verdict() {
        assertThat(ServiceLevelCheck.restoredWithinRto(DETECTED, null, 24)).isNull();
        assertThat(ServiceLevelCheck.restoredWithinRto(DETECTED, DETECTED, null)).isNull();
        assertThat(ServiceLevelCheck.lossWithinRpo(null, 4)).isNull();
        assertThat(ServiceLevelCheck.lossWithinRpo(10, null)).isNull();
        assertThat(ServiceLevelCheck.notifiedWithin(DETECTED, DETECTED.plusSeconds(3600), 1)).isTrue();
    }

    @Test
    void only_missed_levels_count_as_breaches() {
        assertThat(ServiceLevelCheck.breaches(false, null, true)).isEqualTo(1);
        assertThat(ServiceLevelCheck.breaches(false, false, false)).isEqualTo(3);
        assertThat(ServiceLevelCheck.breaches(null, null, null)).isZero();
    }
}
