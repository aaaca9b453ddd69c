package org.sansho.assessment.assessments.domain;

/** What can happen to an assessment; {@link AssessmentWorkflow} decides in which status each is allowed. */
public enum AssessmentAction {
    FILL_ITEMS, GIVE_UP_ITEMS, RETRY_ITEMS, RESPOND, SUBMIT, EVALUATE, COMPLETE, MARK_STALE, REBASELINE
}
