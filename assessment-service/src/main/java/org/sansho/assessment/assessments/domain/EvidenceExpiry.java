package org.sansho.assessment.assessments.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * When evidence with a validity date is announced as expiring: 30, 7 and 0 days before its validUntil, each once.
 * An assessment rests on its evidence, so a lapsing certificate or report must be renewed before the answer it
 * supports stops holding (2省GL §4.4 third-party certification; §5 continuous practice). When several thresholds
 * are reached at once (a late run, evidence recorded late) only the nearest is announced.
 */
public final class EvidenceExpiry {

    public static final List<Integer> THRESHOLDS = List.of(30, 7, 0);
    /** How long after its validUntil lapsed evidence is still announced (a late first run). */
    public static final int LOOK_BACK_DAYS = 30;

    private EvidenceExpiry() {
    }

    /** Every threshold reached on {@code today}, farthest first. */
    public static List<Integer> reached(LocalDate validUntil, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, validUntil);
        return THRESHOLDS.stream().filter(t -> daysLeft <= t).toList();
    }

    /** The nearest threshold reached on {@code today}, the one to announce; empty while more than 30 days remain. */
    public static Optional<Integer> nearest(LocalDate validUntil, LocalDate today) {
        List<Integer> reached = reached(validUntil, today);
        return reached.isEmpty() ? Optional.empty() : Optional.of(reached.get(reached.size() - 1));
    }
}
