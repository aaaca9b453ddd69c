package org.sansho.contract.contracts.domain;

import java.time.Instant;

/** The latest completed assessment of one phase of a contract, as known from the assessment events. */
public record AssessmentOutcome(Verdict verdict, int openMandatoryGaps, Instant completedAt) {
}
