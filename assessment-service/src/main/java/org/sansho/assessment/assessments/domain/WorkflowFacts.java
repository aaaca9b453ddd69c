package org.sansho.assessment.assessments.domain;

import java.util.List;

/**
 * What the workflow guards need to know about an assessment's items.
 *
 * @param items        items in the assessment
 * @param unanswered   items still waiting for the answer of a side that answers them (the vendor's, the hospital's
 *                     or, for an item answered by both, either)
 * @param unevaluated  answered items the reviewer has not yet judged CONFORMANT or NONCONFORMANT
 * @param needsInfo    items handed back to the vendor (NEEDS_INFO) and not yet answered again
 * @param answered     items with an answer of either side
 * @param unconfirmed  keys of the items holding an answer a re-baseline carried over from a replaced key that the
 *                     answering side has not confirmed yet
 */
public record WorkflowFacts(int items, int unanswered, int unevaluated, int needsInfo, int answered,
                            List<String> unconfirmed) {

    public WorkflowFacts {
        unconfirmed = unconfirmed == null ? List.of() : List.copyOf(unconfirmed);
    }

    /** Facts of an assessment with no carried-over answer waiting for confirmation. */
    public WorkflowFacts(int items, int unanswered, int unevaluated, int needsInfo, int answered) {
        this(items, unanswered, unevaluated, needsInfo, answered, List.of());
    }
}
