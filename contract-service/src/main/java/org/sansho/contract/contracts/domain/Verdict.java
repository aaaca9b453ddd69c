package org.sansho.contract.contracts.domain;

/** The verdict of an assessment, as the assessment-service computes it. */
public enum Verdict {
    ACCEPTABLE, CONDITIONAL, UNACCEPTABLE
}
