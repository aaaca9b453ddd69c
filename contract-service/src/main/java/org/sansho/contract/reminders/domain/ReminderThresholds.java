package org.sansho.contract.reminders.domain;

import java.util.List;
import java.util.Optional;

/**
 * Reminder thresholds: 30, 7 and 0 days before a date. When several are reached at once (the job did not run, or
 * the record was created late), only the nearest is announced; the farther ones count as passed.
 */
public final class ReminderThresholds {

    public static final List<Integer> DAYS = List.of(30, 7, 0);

    private ReminderThresholds() {
    }

    /** Every threshold reached when {@code daysLeft} days remain, farthest first. */
    public static List<Integer> reached(long daysLeft) {
        return DAYS.stream().filter(t -> daysLeft <= t).toList();
    }

    /** The nearest threshold reached, the one to announce. */
    public static Optional<Integer> nearest(long daysLeft) {
        List<Integer> reached = reached(daysLeft);
        return reached.isEmpty() ? Optional.empty() : Optional.of(reached.get(reached.size() - 1));
    }
}
