package org.sansho.assessment.findings.domain;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * When a finding's dates call for a notice. A finding is overdue the day after its due date while it is still
 * OPEN. A risk acceptance is announced when it expires within {@value #EXPIRY_WARNING_DAYS} days and again once it
 * has expired, each threshold once: an accepted risk must be reviewed before it silently lapses (2省GL §5,
 * continuous practice).
 */
public final class FindingDeadlines {

    public static final int EXPIRY_WARNING_DAYS = 30;

    private FindingDeadlines() {
    }

    public static boolean overdue(FindingStatus status, LocalDate dueDate, LocalDate today) {
        return status == FindingStatus.OPEN && dueDate != null && dueDate.isBefore(today);
    }

    /**
     * @param alreadyNotified the smallest threshold already announced for this acceptance, or null
     * @return the threshold to announce now (30 or 0), or empty when nothing new is due
     */
    public static OptionalInt expiryThresholdDue(FindingStatus status, LocalDate expiresOn, LocalDate today,
                                                 Integer alreadyNotified) {
        if (status != FindingStatus.RISK_ACCEPTED || expiresOn == null) {
            return OptionalInt.empty();
        }
        int threshold;
        if (expiresOn.isBefore(today)) {
            threshold = 0;
        } else if (!expiresOn.isAfter(today.plusDays(EXPIRY_WARNING_DAYS))) {
            threshold = EXPIRY_WARNING_DAYS;
        } else {
            return OptionalInt.empty();
        }
        if (alreadyNotified != null && alreadyNotified <= threshold) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(threshold);
    }
}
