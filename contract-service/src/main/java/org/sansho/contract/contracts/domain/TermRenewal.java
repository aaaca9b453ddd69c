package org.sansho.contract.contracts.domain;

import java.time.LocalDate;
import java.time.Period;

/**
 * Automatic renewal of a contract term (自動更新): once the end date has passed with no notice of termination, the
 * term rolls over. The new term starts the day after the old end and lasts the agreed renewal period, or, when none
 * was agreed, as long as the term that ended (a term of 2025-04-01 to 2028-03-31 renews to 2028-04-01 to
 * 2031-03-31). The notice deadline follows the new end date ({@link NoticeDeadline}), so the hospital keeps its
 * chance to end the contract before the next renewal (合意の維持, 2省GL §3.2.2).
 */
public final class TermRenewal {

    /** The term after one renewal, and its notice deadline. */
    public record Renewed(LocalDate startDate, LocalDate endDate, LocalDate noticeDeadline, Period period) {
    }

    private TermRenewal() {
    }

    /** The renewal period: {@code renewalMonths} when agreed, otherwise the length of the term that ends. */
    public static Period period(LocalDate startDate, LocalDate endDate, Integer renewalMonths) {
        if (renewalMonths != null) {
            return Period.ofMonths(renewalMonths);
        }
        return Period.between(startDate, endDate.plusDays(1));
    }

    /** Whether the term has ended by {@code today}: its end date is before today. */
    public static boolean ended(LocalDate endDate, LocalDate today) {
        return endDate.isBefore(today);
    }

    /** One renewal of the term {@code startDate}–{@code endDate} (both inclusive). */
    public static Renewed next(LocalDate startDate, LocalDate endDate, Integer renewalMonths, int hospitalNoticeDays,
                               int vendorNoticeDays) {
        Period period = period(startDate, endDate, renewalMonths);
        LocalDate newStart = endDate.plusDays(1);
        LocalDate newEnd = newStart.plus(period).minusDays(1);
        return new Renewed(newStart, newEnd, NoticeDeadline.of(newEnd, hospitalNoticeDays, vendorNoticeDays),
                period.normalized());
    }
}
