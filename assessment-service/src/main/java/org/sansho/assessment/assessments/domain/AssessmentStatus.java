package org.sansho.assessment.assessments.domain;

/** Where an assessment is in its workflow; kept apart from its result (verdict and score). */
public enum AssessmentStatus {
    /** Opened from a contract event; its items are still to be read from the catalog. */
    PENDING_ITEMS,
    /**
     * The catalog could not resolve its items within the configured time (the reason is kept); retried when the
     * catalog publishes or revises a version.
     */
    ITEMS_UNRESOLVED,
    /** Items are known; the vendor has not answered yet. */
    OPEN,
    /** The vendor is answering. */
    VENDOR_RESPONDING,
    /** The vendor submitted; the hospital reviews. */
    UNDER_REVIEW,
    /** The reviewer completed it; answers and evaluations are locked. */
    COMPLETED,
    /** A version of its baseline was superseded; a re-baseline is offered. */
    STALE
}
