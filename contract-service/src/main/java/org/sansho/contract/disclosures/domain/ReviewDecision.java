package org.sansho.contract.disclosures.domain;

/** The hospital's review of one answered row. */
public enum ReviewDecision {
    ACCEPTED, NEEDS_INFORMATION
}
