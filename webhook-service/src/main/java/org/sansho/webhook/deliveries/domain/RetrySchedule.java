package org.sansho.webhook.deliveries.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the first attempt goes at once, and each later one after the schedule's
 * next wait (Standard Webhooks "Deliverability and reliability": 5 s, 5 min, 30 min, 2 h, 5 h, 10 h by default).
 * After the last wait's attempt fails the delivery is given up; a manual replay can still send it.
 */
public record RetrySchedule(List<Duration> waits) {

    public RetrySchedule {
        waits = List.copyOf(waits);
    }

    /**
     * @param attemptsMade how many attempts were made, the failed one included
     * @return when to try again, or empty when the schedule is exhausted
     */
    public Optional<Instant> next(int attemptsMade, Instant failedAt) {
        if (attemptsMade < 1 || attemptsMade > waits.size()) {
            return Optional.empty();
        }
        return Optional.of(failedAt.plus(waits.get(attemptsMade - 1)));
    }
}
