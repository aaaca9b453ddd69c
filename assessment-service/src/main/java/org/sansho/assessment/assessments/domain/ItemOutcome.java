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
 * @param remediationDue  the due date of the item's finding, null when it has none
 */
public record ItemOutcome(Obligation obligation, ResponseStatus response, Evaluation evaluation,
                          FindingStatus findingStatus, LocalDate acceptanceEnds,
                          LocalDate remediationDue) {

    public ItemOutcome(Obligation obligation, ResponseStatus response, Evaluation evaluation,
                       FindingStatus findingStatus, LocalDate acceptanceEnds) {
        this(obligation, response, evaluation, findingStatus, acceptanceEnds, null);
    }

    public boolean nonconformant() {
        return evaluation == Evaluation.NONCONFORMANT;
    }

    /** A risk acceptance only counts until its expiry: an expired one leaves the gap open again. */
    public boolean riskAccepted(LocalDate today) {
        return findingStatus == FindingStatus.RISK_ACCEPTED
                && (acceptanceEnds == null || !acceptanceEnds.isBefore(today));
    }

    /**
     * The gap is being remedied on an agreed plan: its finding is open with a due date that has not passed. Once the
     * due date passes the finding is overdue and the gap counts as open again.
     */
    public boolean remediationPlanned(LocalDate today) {
        return findingStatus == FindingStatus.OPEN && remediationDue != null && !remediationDue.isBefore(today);
    }

    public boolean resolved() {
        return findingStatus == FindingStatus.RESOLVED;
    }
}
