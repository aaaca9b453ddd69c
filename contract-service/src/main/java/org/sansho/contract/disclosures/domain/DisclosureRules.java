package org.sansho.contract.disclosures.domain;

import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;

import java.util.Collection;

/**
 * The rules of a disclosure package. Before the contract, the vendor discloses what the hospital needs to judge its
 * service and the two sides reach a shared understanding (共通理解) of it, the ground of the explicit agreement
 * (2省GL §3.2.1; the items of vendor guideline §4.1 表4-1). Shared understanding holds when the hospital has
 * accepted every row; any new answer opens the row again.
 */
public final class DisclosureRules {

    private DisclosureRules() {
    }

    /** A vendor's answer, first or again (also after NEEDS_INFORMATION or ACCEPTED), waits for a new review. */
    public static RowStatus afterAnswer(RowStatus current) {
        return RowStatus.ANSWERED;
    }

    /** Why the hospital cannot review a row in this status, or null when it can: only an answer is reviewed. */
    public static String reviewRefusal(RowStatus current) {
        return current == RowStatus.OPEN ? "the vendor has not answered this row yet" : null;
    }

    /** Why a review is incomplete, or null: asking for more information says what is missing. */
    public static String commentRefusal(ReviewDecision decision, String comment) {
        return decision == ReviewDecision.NEEDS_INFORMATION && (comment == null || comment.isBlank())
                ? "a review asking for more information says what is missing" : null;
    }

    public static RowStatus afterReview(ReviewDecision decision) {
        return decision == ReviewDecision.ACCEPTED ? RowStatus.ACCEPTED : RowStatus.NEEDS_INFORMATION;
    }

    /** Shared understanding (2省GL §3.2.1): a package with rows, every one of them accepted by the hospital. */
    public static boolean sharedUnderstanding(Collection<RowStatus> rows) {
        return !rows.isEmpty() && rows.stream().allMatch(s -> s == RowStatus.ACCEPTED);
    }

    /**
     * Answers and reviews belong to the pre-contract phase up to the agreement; once the contract is AGREED (or
     * cancelled) the package is the record of what was agreed on.
     */
    public static boolean open(ContractState state) {
        return state.phase() == ContractPhase.PRE_CONTRACT && state != ContractState.AGREED
                && state != ContractState.CANCELLED;
    }
}
