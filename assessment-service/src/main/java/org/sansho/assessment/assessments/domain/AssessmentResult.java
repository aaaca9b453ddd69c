package org.sansho.assessment.assessments.domain;

/**
 * What {@link AssessmentVerdictRule} computes.
 *
 * @param score                 share of applicable items judged conformant (or whose gap was resolved), 0–100
 * @param openMandatoryGaps     mandatory nonconformities still open and not (or no longer) risk-accepted
 * @param acceptedMandatoryGaps mandatory nonconformities under a valid risk acceptance
 * @param openRecommendedGaps   recommended nonconformities still open and not risk-accepted
 * @param plannedMandatoryGaps  mandatory nonconformities of an in-contract assessment under a finding whose due date
 *                              has not passed (being remedied on an agreed plan); not counted in openMandatoryGaps
 */
public record AssessmentResult(Verdict verdict, double score, int openMandatoryGaps, int acceptedMandatoryGaps,
                               int openRecommendedGaps, int plannedMandatoryGaps) {

    /** A result without planned remediation (before or after the contract, or none planned). */
    public AssessmentResult(Verdict verdict, double score, int openMandatoryGaps, int acceptedMandatoryGaps,
                            int openRecommendedGaps) {
        this(verdict, score, openMandatoryGaps, acceptedMandatoryGaps, openRecommendedGaps, 0);
    }
}
