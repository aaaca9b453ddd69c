package org.sansho.assessment.assessments.domain;

/**
 * What the workflow guards need to know about an assessment's items.
 *
 * @param items        items in the assessment
 * @param unanswered   items still waiting for the answer of a side that answers them (the vendor's, the hospital's
 *                     or, for an item answered by both, either)
 * @param unevaluated  answered items the reviewer has not yet judged CONFORMANT or NONCONFORMANT
 * @param needsInfo    items handed back to the vendor (NEEDS_INFO) and not yet answered again
 * @param answered     items with an answer of either side
 */
public record WorkflowFacts(int items, int unanswered, int unevaluated, int needsInfo, int answered) {
}
