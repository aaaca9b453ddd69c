package org.sansho.assessment.assessments.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class EvidenceExpiryThresholdsTest {

    private static final LocalDate VALID_UNTIL = LocalDate.of(2027, 3, 31);

    @Test
    void nothing_is_due_while_more_than_thirty_days_remain() {
        assertThat(EvidenceExpiry.nearest(VALID_UNTIL, VALID_UNTIL.minusDays(31))).isEmpty();
        assertThat(EvidenceExpiry.reached(VALID_UNTIL, VALID_UNTIL.minusDays(31))).isEmpty();
    }

    @Test
    void each_threshold_is_reached_on_its_day_and_the_nearest_is_the_one_announced() {
        assertThat(EvidenceExpiry.nearest(VALID_UNTIL, VALID_UNTIL.minusDays(30))).contains(30);
        assertThat(EvidenceExpiry.nearest(VALID_UNTIL, VALID_UNTIL.minusDays(8))).contains(30);
        assertThat(EvidenceExpiry.nearest(VALID_UNTIL, VALID_UNTIL.minusDays(7))).contains(7);
        assertThat(EvidenceExpiry.nearest(VALID_UNTIL, VALID_UNTIL)).contains(0);
        assertThat(EvidenceExpiry.reached(VALID_UNTIL, VALID_UNTIL.minusDays(3))).containsExactly(30, 7);
    }

    @Test
    void lapsed_evidence_has_reached_every_threshold() {
        assertThat(EvidenceExpiry.reached(VALID_UNTIL, VALID_UNTIL.plusDays(5))).containsExactly(30, 7, 0);
        assertThat(EvidenceExpiry.nearest(VALID_UNTIL, VALID_UNTIL.plusDays(5))).contains(0);
    }
}
