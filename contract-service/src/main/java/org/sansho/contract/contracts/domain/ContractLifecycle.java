package org.sansho.contract.contracts.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.sansho.contract.contracts.domain.ContractState.ACTIVE;
import static org.sansho.contract.contracts.domain.ContractState.AGREED;
import static org.sansho.contract.contracts.domain.ContractState.CANCELLED;
import static org.sansho.contract.contracts.domain.ContractState.CLOSED;
import static org.sansho.contract.contracts.domain.ContractState.DATA_DELETION;
import static org.sansho.contract.contracts.domain.ContractState.DATA_RETURN;
import static org.sansho.contract.contracts.domain.ContractState.DISCLOSURE_REQUESTED;
import static org.sansho.contract.contracts.domain.ContractState.DRAFT;
import static org.sansho.contract.contracts.domain.ContractState.INCIDENT;
import static org.sansho.contract.contracts.domain.ContractState.TERMINATION_NOTICED;
import static org.sansho.contract.contracts.domain.ContractState.UNDER_ASSESSMENT;
import static org.sansho.contract.contracts.domain.ContractState.UNDER_REVIEW;

/**
 * The contract lifecycle of 2省GL §3.2 (図3-4): which transitions exist, and the guards each one must pass.
 * {@link #check} returns every failed guard, so a refusal names them all at once.
 */
public final class ContractLifecycle {

    public static final String LIFECYCLE = "lifecycle";
    public static final String INCIDENT_REPORTED = "incident-reported";
    public static final String PRE_CONTRACT_VERDICT = "pre-contract-verdict";
    public static final String SIGNED_DATE = "signed-date";
    public static final String RECURRENCE_PREVENTION_AGREED = "recurrence-prevention-agreed";
    public static final String TERMINATION_NOTICE = "termination-notice";
    public static final String DATA_RETURN_CONFIRMED = "data-return-confirmed";
    public static final String DELETION_CERTIFICATE = "deletion-certificate";
    public static final String POST_TERMINATION_ASSESSMENT = "post-termination-assessment";
    public static final String REAGREEMENT_OVERDUE = "reagreement-overdue";
    public static final String IN_CONTRACT_VERDICT = "in-contract-verdict";
    public static final String DISCLOSURE_SHARED_UNDERSTANDING = "disclosure-shared-understanding";
    public static final String RESPONSIBILITY_SPLIT = "responsibility-split";

    private static final Map<ContractState, Set<ContractState>> NEXT = new EnumMap<>(ContractState.class);

    static {
        NEXT.put(DRAFT, EnumSet.of(DISCLOSURE_REQUESTED, CANCELLED));
        NEXT.put(DISCLOSURE_REQUESTED, EnumSet.of(UNDER_ASSESSMENT, CANCELLED));
        NEXT.put(UNDER_ASSESSMENT, EnumSet.of(AGREED, CANCELLED));
        NEXT.put(AGREED, EnumSet.of(ACTIVE, CANCELLED));
        NEXT.put(CANCELLED, EnumSet.noneOf(ContractState.class));
        NEXT.put(ACTIVE, EnumSet.of(UNDER_REVIEW, INCIDENT, TERMINATION_NOTICED));
        NEXT.put(UNDER_REVIEW, EnumSet.of(ACTIVE));
        NEXT.put(INCIDENT, EnumSet.of(ACTIVE));
        NEXT.put(TERMINATION_NOTICED, EnumSet.of(DATA_RETURN));
        NEXT.put(DATA_RETURN, EnumSet.of(DATA_DELETION));
        NEXT.put(DATA_DELETION, EnumSet.of(CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(ContractState.class));
    }

    private ContractLifecycle() {
    }

    /** The states a contract in this state can move to (guards aside). */
    public static Set<ContractState> next(ContractState from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    public static boolean exists(ContractState from, ContractState to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * Every guard that refuses the transition; empty when it may happen. The facts are gathered (each a look-up)
     * only for a transition whose guards read them.
     */
    public static List<GuardFailure> check(ContractState from, ContractState to, TransitionTrigger trigger,
                                           Supplier<GuardFacts> gather) {
        if (!exists(from, to)) {
            return List.of(new GuardFailure(LIFECYCLE, "2省GL §3.2 (図3-4) contract lifecycle",
                    from + " → " + to + " is not a transition of the contract lifecycle; from " + from
                            + " a contract can move to " + (NEXT.get(from).isEmpty() ? "nothing" : NEXT.get(from))));
        }
        List<GuardFailure> failed = new ArrayList<>();
        switch (to) {
            case INCIDENT -> {
                if (trigger != TransitionTrigger.INCIDENT_REPORT) {
                    failed.add(new GuardFailure(INCIDENT_REPORTED, "2省GL §3.2 crisis response (危機管理対応時)",
                            "crisis response starts with an incident report: POST /contracts/{id}/incidents"));
                }
            }
            case UNDER_ASSESSMENT -> disclosureSharedUnderstanding(gather.get(), failed);
            case AGREED -> {
                GuardFacts facts = gather.get();
                preContractVerdict(facts, failed);
                disclosureSharedUnderstanding(facts, failed);
                responsibilitySplit(facts, failed);
            }
            case ACTIVE -> {
                GuardFacts facts = gather.get();
                if (from == AGREED) {
                    signedDate(facts, failed);
                } else if (from == INCIDENT && facts.incidentsWithoutAgreedMeasure() > 0) {
                    // Crisis response ends with the recurrence-prevention measures carried out and agreed on.
                    failed.add(new GuardFailure(RECURRENCE_PREVENTION_AGREED,
                            "2省GL §3.2 crisis response: recurrence-prevention measures agreed by both sides",
                            facts.incidentsWithoutAgreedMeasure() + " incident(s) have no recurrence-prevention "
                                    + "measure agreed by both the hospital and the vendor"));
                } else if (from == UNDER_REVIEW) {
                    inContractVerdict(facts, failed);
                    if (facts.overdueReagreements() > 0) {
                        // A review does not end on an agreement that both sides were due to renew and have not.
                        failed.add(new GuardFailure(REAGREEMENT_OVERDUE,
                                "2省GL §3.2.2 合意の維持 (maintaining the agreement)",
                                facts.overdueReagreements() + " re-agreement case(s) are open past their due date: "
                                        + "both sides consent at /contracts/{id}/reagreements/{caseId}/consent"));
                    }
                }
            }
            case TERMINATION_NOTICED -> {
                if (!gather.get().terminationNoticed()) {
                    failed.add(new GuardFailure(TERMINATION_NOTICE, "2省GL §3.2.2 contract termination phase",
                            "no notice of termination is recorded: POST /contracts/{id}/termination/notice"));
                }
            }
            case DATA_DELETION -> dataReturn(gather.get(), failed);
            case CLOSED -> {
                GuardFacts facts = gather.get();
                dataReturn(facts, failed);
                if (facts.deletionCertificate() == null || !facts.deletionCertificate().isComplete()) {
                    failed.add(new GuardFailure(DELETION_CERTIFICATE,
                            "2省GL 別紙2 ③-8; MHLW 5 §6.7 (情報の破棄)",
                            "no deletion/destruction certificate naming who, which media, what method and "
                                    + "which date is recorded"));
                }
                if (facts.postTermination() == null) {
                    failed.add(new GuardFailure(POST_TERMINATION_ASSESSMENT,
                            "MHLW 5 §6.7: the institution makes sure destruction really happened",
                            "the post-termination assessment has not been completed"));
                }
            }
            default -> {
                // DISCLOSURE_REQUESTED, UNDER_REVIEW, DATA_RETURN, CANCELLED: no guard.
            }
        }
        return failed;
    }

    /**
     * Explicit agreement (2省GL §3.2.1) on the disclosed items and, through risk communication (§5), on the risks
     * the hospital accepts: ACCEPTABLE, or CONDITIONAL with no mandatory gap left open and not risk-accepted.
     */
    private static void preContractVerdict(GuardFacts facts, List<GuardFailure> failed) {
        String rule = "2省GL §3.2.1 explicit agreement; §5 risk communication (agreement on accepted risks)";
        AssessmentOutcome pre = facts.preContract();
        if (pre == null) {
            failed.add(new GuardFailure(PRE_CONTRACT_VERDICT, rule,
                    "no completed pre-contract assessment is known"));
        } else if (pre.verdict() == Verdict.UNACCEPTABLE) {
            failed.add(new GuardFailure(PRE_CONTRACT_VERDICT, rule,
                    "the latest pre-contract assessment verdict is UNACCEPTABLE"));
        } else if (pre.verdict() == Verdict.CONDITIONAL && pre.openMandatoryGaps() > 0) {
            failed.add(new GuardFailure(PRE_CONTRACT_VERDICT, rule, "the latest pre-contract assessment is "
                    + "CONDITIONAL with " + pre.openMandatoryGaps() + " mandatory gap(s) open and not risk-accepted"));
        }
    }

    /**
     * A periodic review (2省GL §3.2.2, in-contract confirmation of the vendor's measures) ends only on its own
     * result: an in-contract assessment completed since the review began, ACCEPTABLE, or CONDITIONAL with every
     * mandatory gap managed: risk-accepted, or under a finding whose due date has not passed (the assessment-service
     * counts such a gap as planned, not open; an overdue one is open again and its verdict-changed reaches this
     * guard). An UNACCEPTABLE result keeps the contract under review.
     */
    private static void inContractVerdict(GuardFacts facts, List<GuardFailure> failed) {
        String rule = "2省GL §3.2.2 in-contract review; §5 risk communication (accepted risks agreed, remedies "
                + "scheduled)";
        AssessmentOutcome in = facts.inContract();
        if (in == null) {
            failed.add(new GuardFailure(IN_CONTRACT_VERDICT, rule,
                    "no in-contract assessment has been completed since the review began"));
        } else if (in.verdict() == Verdict.UNACCEPTABLE) {
            failed.add(new GuardFailure(IN_CONTRACT_VERDICT, rule,
                    "the in-contract assessment of this review is UNACCEPTABLE"));
        } else if (in.openMandatoryGaps() > 0) {
            failed.add(new GuardFailure(IN_CONTRACT_VERDICT, rule, "the in-contract assessment of this review has "
                    + in.openMandatoryGaps() + " mandatory gap(s) open: neither risk-accepted nor under a finding "
                    + "with a due date still ahead"));
        }
    }

    /**
     * The hospital assesses, and later agrees on, what the vendor disclosed only once both sides understand it the
     * same way: every row of the disclosure package accepted (共通理解, 2省GL §3.2.1; vendor guideline §4.1 表4-1).
     */
    private static void disclosureSharedUnderstanding(GuardFacts facts, List<GuardFailure> failed) {
        if (!facts.disclosureSharedUnderstanding()) {
            failed.add(new GuardFailure(DISCLOSURE_SHARED_UNDERSTANDING,
                    "2省GL §3.2.1 shared understanding (共通理解) of the disclosed items; vendor guideline §4.1 表4-1",
                    "the hospital has not accepted every row of the vendor's disclosure package "
                            + "(GET /contracts/{id}/disclosure)"));
        }
    }

    private static void signedDate(GuardFacts facts, List<GuardFailure> failed) {
        String rule = "2省GL §3.2.1: the contract starts on the signed agreement";
        if (facts.signedOn() == null) {
            failed.add(new GuardFailure(SIGNED_DATE, rule, "the contract has no signed date"));
        } else if (facts.today() != null && facts.signedOn().isAfter(facts.today())) {
            failed.add(new GuardFailure(SIGNED_DATE, rule, "the signed date " + facts.signedOn()
                    + " is in the future"));
        }
    }

    private static void dataReturn(GuardFacts facts, List<GuardFailure> failed) {
        if (!facts.dataReturnConfirmed()) {
            failed.add(new GuardFailure(DATA_RETURN_CONFIRMED,
                    "MHLW 6.0: at contract end the institution confirms the return of its data before deletion",
                    "the hospital has not confirmed that its data was returned"));
        }
    }

    /**
     * The explicit agreement needs the shared understanding of who does what first (2省GL §3.2.1): every Part 2
     * item of the role-sharing checklist given to a side, and the vendor's acknowledgement of the split as it stands.
     */
    private static void responsibilitySplit(GuardFacts facts, List<GuardFailure> failed) {
        ResponsibilitySplit.State split = facts.responsibilitySplit();
        if (split == null || !split.set()) {
            failed.add(new GuardFailure(RESPONSIBILITY_SPLIT, ResponsibilitySplit.RULE,
                    "no responsibility split is set: PUT /contracts/{id}/responsibility-split"));
            return;
        }
        List<String> missing = new ArrayList<>();
        if (!split.unassignedPart2().isEmpty()) {
            missing.add("Part 2 item(s) without a responsible side: " + String.join(", ", split.unassignedPart2()));
        }
        if (!split.acknowledged()) {
            missing.add("the vendor has not acknowledged the responsibility split as it stands: "
                    + "POST /contracts/{id}/responsibility-split/acknowledgement");
        }
        if (!missing.isEmpty()) {
            failed.add(new GuardFailure(RESPONSIBILITY_SPLIT, ResponsibilitySplit.RULE, String.join("; ", missing)));
        }
    }
}
