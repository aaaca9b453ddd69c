package org.sansho.assessment.findings.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class FindingDeadlinesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void an_open_finding_is_overdue_the_day_after_its_due_date() {
        assertThat(FindingDeadlines.overdue(FindingStatus.OPEN, TODAY, TODAY)).isFalse();
        assertThat(FindingDeadlines.overdue(FindingStatus.OPEN, TODAY.minusDays(1), TODAY)).isTrue();
        assertThat(FindingDeadlines.overdue(FindingStatus.RESOLVED, TODAY.minusDays(1), TODAY)).isFalse();
        assertThat(FindingDeadlines.overdue(FindingStatus.RISK_ACCEPTED, TODAY.minusDays(1), TODAY)).isFalse();
    }

    @Test
    void a_risk_acceptance_is_announced_once_within_thirty_days_and_once_when_expired() {
        LocalDate expires = TODAY.plusDays(30);
        assertThat(FindingDeadlines.expiryThresholdDue(FindingStatus.RISK_ACCEPTED, expires, TODAY.minusDays(1), null))
                .isEmpty();
        assertThat(FindingDeadlines.expiryThresholdDue(FindingStatus.RISK_ACCEPTED, expires, TODAY, null))
                .isEqualTo(OptionalInt.of(30));
        assertThat(FindingDeadlines.expiryThresholdDue(FindingStatus.RISK_ACCEPTED, expires, TODAY.plusDays(5), 30))
                .isEmpty();
        assertThat(FindingDeadlines.expiryThresholdDue(FindingStatus.RISK_ACCEPTED, expires, expires, 30)).isEmpty();
        assertThat(FindingDeadlines.expiryThresholdDue(FindingStatus.RISK_ACCEPTED, expires, expires.plusDays(1), 30))
                .isEqualTo(OptionalInt.of(0));
        assertThat(FindingDeadlines.expiryThresholdDue(FindingStatus.RISK_ACCEPTED, expires, expires.plusDays(9), 0))
                .isEmpty();
    }

    @Test
    void an_acceptance_first_seen_after_expiry_is_announced_as_expired_only() {
        assertThat(FindingDeadlines.expiryThresholdDue(FindingStatus.RISK_ACCEPTED, TODAY.minusDays(2), TODAY, null))
                .isEqualTo(OptionalInt.of(0));
        assertThat(FindingDeadlines.expiryThresholdDue(FindingStatus.OPEN, TODAY.minusDays(2), TODAY, null)).isEmpty();
    }
}
