package org.sansho.contract.contracts.domain;

import java.time.LocalDate;

/**
 * The last day on which notice of termination or non-renewal can still be given: the end date minus the longer
 * of the two notice periods, so that neither side misses its own deadline.
 */
public final class NoticeDeadline {

    private NoticeDeadline() {
    }

    public static LocalDate of(LocalDate endDate, int hospitalNoticeDays, int vendorNoticeDays) {
        return endDate.minusDays(Math.max(hospitalNoticeDays, vendorNoticeDays));
    }
}
