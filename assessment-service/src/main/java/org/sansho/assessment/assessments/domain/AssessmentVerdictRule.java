package org.sansho.assessment.assessments.domain;

import java.time.LocalDate;
import java.util.Collection;

/**
 * The documented verdict rule.
 *
 * <ol>
 *   <li>Any MANDATORY nonconformity that is open and not under a valid risk acceptance → UNACCEPTABLE. The
 *   MHLW guideline's minimum measures (v5 "C", v6 遵守事項) are not optional, and the contract may only be agreed
 *   once every such gap is closed or its risk is accepted by a named approver (2省GL §5, risk communication:
 *   "agree on the risks the vendor accepts").</li>
 *   <li>Otherwise, any RECOMMENDED nonconformity still open, or any nonconformity (of any level) under a valid
 *   risk acceptance → CONDITIONAL: the contract can proceed, with the gaps on record.</li>
 *   <li>Otherwise → ACCEPTABLE.</li>
 * </ol>
 * A nonconformity whose finding is RESOLVED is no longer a gap. A risk acceptance counts until (and including)
 * its expiry date; after that the gap is open again. INFORMATIVE items never make a gap.
 *
 * <p>The score is the share of applicable items found conformant: items answered NOT_APPLICABLE and judged
 * CONFORMANT (the reviewer agreed they do not apply) leave the denominator; a nonconformity whose finding was
 * resolved counts as conformant.
 *
 * <p>In contract (an IN_CONTRACT assessment, {@code remediationPlansCount}), a MANDATORY nonconformity whose finding
 * is open with a due date that has not passed is being remedied on an agreed plan: it counts as a planned gap
 * ({@code plannedMandatoryGaps}) and makes the verdict CONDITIONAL, not UNACCEPTABLE. The service is already running
 * and the periodic review's question is whether every gap is managed: risk-accepted, or scheduled for remedy by a
 * date both sides can see (2省GL §3.2.2 in-contract confirmation; MHLW 6.0 企画管理編 risk management). Once the due
 * date passes the finding is overdue and the gap is open again. Before the contract (PRE_CONTRACT) and after it
 * (POST_TERMINATION) a plan is not enough: the gap must be closed or its risk accepted before agreement or closure.
 *
 * <p>Nothing assessed is never a pass: an assessment without one applicable item (no items, or every item agreed
 * not to apply) has looked at nothing the guideline asks of the vendor, so it is UNACCEPTABLE with a score of 0
 * (2省GL §4.3: the institution judges the vendor's answers against the requirements; with no requirement judged,
 * there is no basis for agreement). Completing such an assessment is refused before this rule is reached.
 */
public final class AssessmentVerdictRule {

    private AssessmentVerdictRule() {
    }

    /** The items that count as assessed: every item except those agreed not to apply. */
    public static int applicable(Collection<ItemOutcome> items) {
        return (int) items.stream().filter(i -> !(i.response() == ResponseStatus.NOT_APPLICABLE
                && i.evaluation() == Evaluation.CONFORMANT)).count();
    }

    public static AssessmentResult evaluate(Collection<ItemOutcome> items, LocalDate today) {
        return evaluate(items, today, false);
    }

    /**
     * @param remediationPlansCount whether an open finding with a due date still ahead manages a mandatory gap (in
     *                              contract only)
     */
    public static AssessmentResult evaluate(Collection<ItemOutcome> items, LocalDate today,
                                            boolean remediationPlansCount) {
        int plannedMandatory = 0;
        int openMandatory = 0;
        int acceptedMandatory = 0;
        int openRecommended = 0;
        int acceptedOther = 0;
        int applicable = 0;
        int conformant = 0;
        for (ItemOutcome item : items) {
            boolean notApplicable = item.response() == ResponseStatus.NOT_APPLICABLE
                    && item.evaluation() == Evaluation.CONFORMANT;
            if (!notApplicable) {
                applicable++;
                if (item.evaluation() == Evaluation.CONFORMANT || (item.nonconformant() && item.resolved())) {
                    conformant++;
                }
            }
            if (!item.nonconformant() || item.resolved() || item.obligation() == Obligation.INFORMATIVE) {
                continue;
            }
            boolean accepted = item.riskAccepted(today);
            if (item.obligation() == Obligation.MANDATORY) {
                if (accepted) {
                    acceptedMandatory++;
                } else if (remediationPlansCount && item.remediationPlanned(today)) {
                    plannedMandatory++;
                } else {
                    openMandatory++;
                }
            } else if (accepted) {
                acceptedOther++;
            } else {
                openRecommended++;
            }
        }
        Verdict verdict;
        if (applicable == 0) {
            return new AssessmentResult(Verdict.UNACCEPTABLE, 0.0, openMandatory, acceptedMandatory, openRecommended,
                    plannedMandatory);
        }
        if (openMandatory > 0) {
            verdict = Verdict.UNACCEPTABLE;
        } else if (openRecommended > 0 || acceptedMandatory > 0 || acceptedOther > 0 || plannedMandatory > 0) {
            verdict = Verdict.CONDITIONAL;
        } else {
            verdict = Verdict.ACCEPTABLE;
        }
        double score = Math.round(1000.0 * conformant / applicable) / 10.0;
        return new AssessmentResult(verdict, score, openMandatory, acceptedMandatory, openRecommended,
                plannedMandatory);
    }
}
