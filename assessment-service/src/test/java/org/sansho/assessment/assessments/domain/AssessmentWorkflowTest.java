package org.sansho.assessment.assessments.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sansho.assessment.assessments.domain.AssessmentAction.*;
import static org.sansho.assessment.assessments.domain.AssessmentStatus.*;

class AssessmentWorkflowTest {

    private static final WorkflowFacts FRESH = new WorkflowFacts(3, 3, 0, 0, 0);
    private static final WorkflowFacts ALL_ANSWERED = new WorkflowFacts(3, 0, 3, 0, 3);
    private static final WorkflowFacts ALL_JUDGED = new WorkflowFacts(3, 0, 0, 0, 3);

    @Test
    void an_assessment_runs_from_open_through_vendor_responses_and_review_to_completed() {
        AssessmentStatus s = AssessmentWorkflow.next(PENDING_ITEMS, FILL_ITEMS, FRESH);
        assertThat(s).isEqualTo(OPEN);
        s = AssessmentWorkflow.next(s, RESPOND, FRESH);
        assertThat(s).isEqualTo(VENDOR_RESPONDING);
        s = AssessmentWorkflow.next(s, SUBMIT, ALL_ANSWERED);
        assertThat(s).isEqualTo(UNDER_REVIEW);
        s = AssessmentWorkflow.next(s, EVALUATE, ALL_ANSWERED);
        assertThat(s).isEqualTo(UNDER_REVIEW);
        assertThat(AssessmentWorkflow.next(s, COMPLETE, ALL_JUDGED)).isEqualTo(COMPLETED);
    }

    @Test
    void submitting_with_unanswered_items_is_refused_and_names_the_guard() {
        assertThatThrownBy(() -> AssessmentWorkflow.next(VENDOR_RESPONDING, SUBMIT, new WorkflowFacts(3, 1, 0, 0, 2)))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.guards())
                        .extracting(TransitionRefusedException.Guard::name).containsExactly("all-items-answered"));
    }

    @Test
    void submitting_with_carried_over_answers_not_confirmed_is_refused_naming_the_items() {
        WorkflowFacts carried = new WorkflowFacts(3, 0, 3, 0, 3, java.util.List.of("MHLW6-GOV-1", "MHLW6-SYS-2"));
        assertThatThrownBy(() -> AssessmentWorkflow.next(VENDOR_RESPONDING, SUBMIT, carried))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> {
                    assertThat(e.guards()).extracting(TransitionRefusedException.Guard::name)
                            .containsExactly("carried-over-answers-confirmed");
                    assertThat(e.guards().get(0).reason()).contains("MHLW6-GOV-1, MHLW6-SYS-2");
                });
        assertThat(AssessmentWorkflow.next(VENDOR_RESPONDING, SUBMIT, ALL_ANSWERED)).isEqualTo(UNDER_REVIEW);
    }

    @Test
    void completing_while_an_item_waits_for_information_is_refused() {
        assertThatThrownBy(() -> AssessmentWorkflow.next(UNDER_REVIEW, COMPLETE, new WorkflowFacts(3, 0, 1, 1, 3)))
                .isInstanceOfSatisfying(TransitionRefusedException.class, e -> assertThat(e.guards())
                        .extracting(TransitionRefusedException.Guard::name)
                        .containsExactly("no-item-returned", "all-items-evaluated"));
    }

    @Test
    void the_vendor_may_answer_during_review_only_items_returned_with_needs_info() {
        assertThat(AssessmentWorkflow.next(UNDER_REVIEW, RESPOND, new WorkflowFacts(3, 0, 1, 1, 3)))
                .isEqualTo(UNDER_REVIEW);
        assertThatThrownBy(() -> AssessmentWorkflow.next(UNDER_REVIEW, RESPOND, ALL_ANSWERED))
                .isInstanceOf(TransitionRefusedException.class);
    }

    @Test
    void a_completed_assessment_is_locked_and_never_becomes_stale() {
        for (AssessmentAction action : new AssessmentAction[]{RESPOND, SUBMIT, EVALUATE, COMPLETE, MARK_STALE}) {
            assertThatThrownBy(() -> AssessmentWorkflow.next(COMPLETED, action, ALL_JUDGED))
                    .as(action.name()).isInstanceOf(TransitionRefusedException.class);
        }
    }

    @Test
    void an_active_assessment_becomes_stale_and_a_rebaseline_returns_it_to_the_vendor() {
        for (AssessmentStatus active : AssessmentWorkflow.ACTIVE) {
            assertThat(AssessmentWorkflow.next(active, MARK_STALE, FRESH)).isEqualTo(STALE);
        }
        assertThat(AssessmentWorkflow.next(STALE, REBASELINE, FRESH)).isEqualTo(OPEN);
        assertThat(AssessmentWorkflow.next(STALE, REBASELINE, ALL_ANSWERED)).isEqualTo(VENDOR_RESPONDING);
        assertThatThrownBy(() -> AssessmentWorkflow.next(OPEN, REBASELINE, FRESH))
                .isInstanceOf(TransitionRefusedException.class);
    }

    @Test
    void waiting_for_items_ends_unresolved_and_asks_again_only_from_there() {
        assertThat(AssessmentWorkflow.next(PENDING_ITEMS, GIVE_UP_ITEMS, FRESH)).isEqualTo(ITEMS_UNRESOLVED);
        assertThat(AssessmentWorkflow.next(ITEMS_UNRESOLVED, RETRY_ITEMS, FRESH)).isEqualTo(PENDING_ITEMS);
        assertThatThrownBy(() -> AssessmentWorkflow.next(OPEN, GIVE_UP_ITEMS, FRESH))
                .isInstanceOf(TransitionRefusedException.class);
        assertThatThrownBy(() -> AssessmentWorkflow.next(PENDING_ITEMS, RETRY_ITEMS, FRESH))
                .isInstanceOf(TransitionRefusedException.class);
        assertThatThrownBy(() -> AssessmentWorkflow.next(ITEMS_UNRESOLVED, FILL_ITEMS, FRESH))
                .isInstanceOf(TransitionRefusedException.class);
    }

    @Test
    void items_are_filled_only_once() {
        assertThatThrownBy(() -> AssessmentWorkflow.next(OPEN, FILL_ITEMS, FRESH))
                .isInstanceOf(TransitionRefusedException.class);
    }

    @Test
    void contract_states_open_the_assessment_of_their_phase() {
        assertThat(AssessmentPhase.openedBy("DISCLOSURE_REQUESTED")).contains(AssessmentPhase.PRE_CONTRACT);
        assertThat(AssessmentPhase.openedBy("UNDER_REVIEW")).contains(AssessmentPhase.IN_CONTRACT);
        assertThat(AssessmentPhase.openedBy("TERMINATION_NOTICED")).contains(AssessmentPhase.POST_TERMINATION);
        assertThat(AssessmentPhase.openedBy("ACTIVE")).isEmpty();
        assertThat(AssessmentPhase.IN_CONTRACT.catalogPhases())
                .containsExactly("DEVELOPMENT", "OPERATION", "CRISIS_RESPONSE");
    }
}
