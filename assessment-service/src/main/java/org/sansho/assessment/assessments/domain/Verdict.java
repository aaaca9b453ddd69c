package org.sansho.assessment.assessments.domain;

/** The result of a completed assessment, computed by {@link AssessmentVerdictRule}. */
public enum Verdict {
    ACCEPTABLE, CONDITIONAL, UNACCEPTABLE
}
