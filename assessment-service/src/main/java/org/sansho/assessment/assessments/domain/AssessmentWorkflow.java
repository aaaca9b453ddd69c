package org.sansho.assessment.assessments.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.sansho.assessment.assessments.domain.AssessmentStatus.COMPLETED;
import static org.sansho.assessment.assessments.domain.AssessmentStatus.OPEN;
import static org.sansho.assessment.assessments.domain.AssessmentStatus.ITEMS_UNRESOLVED;
import static org.sansho.assessment.assessments.domain.AssessmentStatus.PENDING_ITEMS;
import static org.sansho.assessment.assessments.domain.AssessmentStatus.STALE;
import static org.sansho.assessment.assessments.domain.AssessmentStatus.UNDER_REVIEW;
import static org.sansho.assessment.assessments.domain.AssessmentStatus.VENDOR_RESPONDING;

/**
 * The assessment workflow: PENDING_ITEMS → OPEN → VENDOR_RESPONDING → UNDER_REVIEW → COMPLETED, and STALE when a
 * version of the baseline is superseded before completion.
 *
 * <p>It follows the agreement-formation steps of the unified vendor guideline (2省GL §3.2.1, §4.3): the vendor
 * first provides its information (the responses), the institution then evaluates it, and only a complete
 * evaluation yields a result. A reviewer's NEEDS_INFO hands one item back to the vendor without reopening the
 * whole assessment; such an item must be answered again and judged before completion. A completed assessment is
 * locked: a later review starts a new assessment.
 */
public final class AssessmentWorkflow {

    /** Statuses in which a newer catalog version makes the assessment stale. Completed results are history. */
    public static final Set<AssessmentStatus> ACTIVE = EnumSet.of(PENDING_ITEMS, OPEN, VENDOR_RESPONDING, UNDER_REVIEW);

    private AssessmentWorkflow() {
    }

    /**
     * @return the status after the action
     * @throws TransitionRefusedException naming the guards that failed
     */
    public static AssessmentStatus next(AssessmentStatus status, AssessmentAction action, WorkflowFacts facts) {
        List<TransitionRefusedException.Guard> failed = new ArrayList<>();
        AssessmentStatus target = switch (action) {
            case FILL_ITEMS -> {
                require(status == PENDING_ITEMS, failed, "items-pending", status,
                        "items are read from the catalog once, while the assessment is PENDING_ITEMS");
                yield OPEN;
            }
            case GIVE_UP_ITEMS -> {
                require(status == PENDING_ITEMS, failed, "items-pending", status,
                        "only an assessment waiting for its items stops waiting");
                yield ITEMS_UNRESOLVED;
            }
            case RETRY_ITEMS -> {
                require(status == ITEMS_UNRESOLVED, failed, "items-unresolved", status,
                        "only an assessment whose items were not resolved asks the catalog again");
                yield PENDING_ITEMS;
            }
            case RESPOND -> {
                boolean vendorTurn = status == OPEN || status == VENDOR_RESPONDING;
                boolean returnedItems = status == UNDER_REVIEW && facts.needsInfo() > 0;
                require(vendorTurn || returnedItems, failed, "vendor-turn", status,
                        "the vendor answers while the assessment is OPEN or VENDOR_RESPONDING, and during review "
                                + "only the items the reviewer returned with NEEDS_INFO");
                yield status == UNDER_REVIEW ? UNDER_REVIEW : VENDOR_RESPONDING;
            }
            case SUBMIT -> {
                // OPEN too: a re-review whose answers were all carried forward can be submitted as it stands.
                require(status == OPEN || status == VENDOR_RESPONDING, failed, "vendor-turn", status,
                        "only an assessment the vendor is answering can be submitted");
                if (facts.unanswered() > 0) {
                    failed.add(new TransitionRefusedException.Guard("all-items-answered", "2省GL §4.1",
                            facts.unanswered() + " of " + facts.items() + " items have no response"));
                }
                if (!facts.unconfirmed().isEmpty()) {
                    // A carried-over answer was given to the replaced requirement; the new one is only answered
                    // once its side has read it against the new text (合意の維持, 2省GL §3.2.2).
                    failed.add(new TransitionRefusedException.Guard("carried-over-answers-confirmed", "2省GL §3.2.2",
                            facts.unconfirmed().size() + " items hold answers carried over from a replaced "
                                    + "requirement that are not confirmed: " + names(facts.unconfirmed())
                                    + " / 旧版の要求事項から引き継いだ回答が未確認の項目があります"));
                }
                yield UNDER_REVIEW;
            }
            case EVALUATE -> {
                require(status == UNDER_REVIEW, failed, "under-review", status,
                        "items are evaluated while the assessment is UNDER_REVIEW");
                yield UNDER_REVIEW;
            }
            case COMPLETE -> {
                require(status == UNDER_REVIEW, failed, "under-review", status,
                        "only an assessment under review can be completed");
                if (facts.needsInfo() > 0) {
                    failed.add(new TransitionRefusedException.Guard("no-item-returned", "2省GL §4.3",
                            facts.needsInfo() + " items wait for more information from the vendor"));
                }
                if (facts.unevaluated() > 0) {
                    failed.add(new TransitionRefusedException.Guard("all-items-evaluated", "2省GL §4.3",
                            facts.unevaluated() + " of " + facts.items() + " items are not evaluated "
                                    + "CONFORMANT or NONCONFORMANT"));
                }
                yield COMPLETED;
            }
            case MARK_STALE -> {
                require(ACTIVE.contains(status), failed, "not-completed", status,
                        "a completed assessment keeps the baseline it was judged against");
                yield STALE;
            }
            case REBASELINE -> {
                require(status == STALE, failed, "stale", status,
                        "only a stale assessment is moved to a new baseline");
                yield facts.answered() > 0 ? VENDOR_RESPONDING : OPEN;
            }
        };
        if (!failed.isEmpty()) {
            throw new TransitionRefusedException(action + " is not allowed for an assessment in status " + status,
                    failed);
        }
        return target;
    }

    private static String names(List<String> keys) {
        int shown = Math.min(keys.size(), 20);
        return String.join(", ", keys.subList(0, shown)) + (keys.size() > shown ? ", …" : "");
    }

    private static void require(boolean holds, List<TransitionRefusedException.Guard> failed, String name,
                                AssessmentStatus status, String rule) {
        if (!holds) {
            failed.add(new TransitionRefusedException.Guard(name, rule, "the assessment is " + status));
        }
    }
}
