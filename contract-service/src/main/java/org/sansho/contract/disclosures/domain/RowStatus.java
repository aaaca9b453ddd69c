package org.sansho.contract.disclosures.domain;

/** Where one disclosure row stands between the vendor's answer and the hospital's review. */
public enum RowStatus {
    /** Not answered yet. */
    OPEN,
    /** Answered (or answered again) by the vendor, waiting for the hospital's review. */
    ANSWERED,
    /** The hospital accepts the answer. */
    ACCEPTED,
    /** The hospital needs more information; the vendor answers again. */
    NEEDS_INFORMATION
}
