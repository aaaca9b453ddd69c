package org.sansho.contract.contracts.service;

import java.time.OffsetDateTime;

/**
 * Proposes (or changes) the recurrence-prevention measure of an incident, with when the service was restored and
 * how many minutes of data were lost, if known.
 */
public record ProposeMeasure(String measure, OffsetDateTime resolvedAt, OffsetDateTime restoredAt,
                             Integer dataLossMinutes) {
}
