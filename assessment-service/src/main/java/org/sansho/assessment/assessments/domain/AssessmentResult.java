package org.sansho.assessment.assessments.domain;

/**
 * What {@link AssessmentVerdictRule} computes.
 *
 * @param score                 share of applicable items judged conformant (or whose gap was resolved), 0–100
 * @param openMandatoryGaps     mandatory nonconformities still open and not (or no longer) risk-accepted
 * @param acceptedMandatoryGaps mandatory nonconformities under a valid risk acceptance
 * @param openRecommendedGaps   recommended nonconformities still open and not risk-accepted
 */
public record AssessmentResult(Verdict verdict, double score, int openMandatoryGaps, int acceptedMandatoryGaps,
                               int openRecommendedGaps) {
}
