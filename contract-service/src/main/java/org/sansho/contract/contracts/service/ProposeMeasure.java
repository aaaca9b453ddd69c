package org.sansho.contract.contracts.service;

import java.time.OffsetDateTime;

/** Proposes (or changes) the recurrence-prevention measure of an incident. */
public record ProposeMeasure(String measure, OffsetDateTime resolvedAt) {
}
