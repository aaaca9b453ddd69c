package org.sansho.assessment.assessments.domain;

import org.sansho.assessment.findings.domain.FindingStatus;

import java.time.LocalDate;

/**
 * One item as the verdict rule sees it.
 *
 * @param obligation      the requirement's obligation level (from the item's snapshot)
 * @param response        the vendor's answer, null when none
 * @param evaluation      the reviewer's judgement, null when none
 * @param findingStatus   the status of the item's finding, null when the nonconformity has no finding yet
 * @param acceptanceEnds  last day a risk acceptance holds, null when none
 */
public record ItemOutcome(Obligation obligation, ResponseStatus response, Evaluation evaluation,
                          FindingStatus findingStatus, LocalDate acceptanceEnds) {

    public boolean nonconformant() {
        return evaluation == Evaluation.NONCONFORMANT;
    }

    /** A risk acceptance only counts until its expiry: an expired one leaves the gap open again. */
    public boolean riskAccepted(LocalDate today) {
        return findingStatus == FindingStatus.RISK_ACCEPTED
                && (acceptanceEnds == null || !acceptanceEnds.isBefore(today));
    }

    public boolean resolved() {
        return findingStatus == FindingStatus.RESOLVED;
    }
}
