package org.sansho.assessment.assessments.domain;

/**
 * Where an answer carried over by a re-baseline from a replaced requirement key stands: PENDING until the side
 * that answers the item confirms it (or answers again), CONFIRMED after. An answer of the side's own has none.
 */
public enum CarryOverConfirmation {
    PENDING, CONFIRMED
}
