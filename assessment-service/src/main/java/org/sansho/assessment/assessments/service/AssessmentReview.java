package org.sansho.assessment.assessments.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.sansho.assessment.assessments.domain.AnsweringSide;
import org.sansho.assessment.assessments.domain.AssessmentAction;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.AssessmentResult;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.AssessmentVerdictRule;
import org.sansho.assessment.assessments.domain.AssessmentWorkflow;
import org.sansho.assessment.assessments.domain.CarryOverConfirmation;
import org.sansho.assessment.assessments.domain.Evaluation;
import org.sansho.assessment.assessments.domain.EvidenceRef;
import org.sansho.assessment.assessments.domain.ItemOutcome;
import org.sansho.assessment.assessments.domain.ResponseStatus;
import org.sansho.assessment.assessments.domain.TransitionRefusedException;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.events.AssessmentEventTypes;
import org.sansho.assessment.events.AssessmentPayloads;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.assessment.posture.service.PostureProjection;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;
import org.sansho.platform.rest.Preconditions;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The vendor's answers, the reviewer's evaluations, submission and completion with the verdict. */
@ApplicationScoped
public class AssessmentReview {

    private final Outbox outbox;
    private final PostureProjection posture;
    private final Clock clock;

    private final AssessmentAudit audit;

    public AssessmentReview(Outbox outbox, PostureProjection posture, Clock clock, AssessmentAudit audit) {
        this.audit = audit;
        this.outbox = outbox;
        this.posture = posture;
        this.clock = clock;
    }

    /** The items of an assessment in catalog order. */
    public static PanacheQuery<AssessmentItem> items(UUID assessmentId) {
        return AssessmentItem.find("assessmentId", Sort.by("position"), assessmentId);
    }

    public static AssessmentItem item(Assessment a, String key) {
        AssessmentItem item = AssessmentItem.find("assessmentId = ?1 and requirementKey = ?2", a.id, key)
                .firstResult();
        if (item == null) {
            throw ProblemException.notFound("Item", key + " of assessment " + a.id);
        }
        return item;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AssessmentItem respond(Assessment a, String key, String ifMatch, AnsweringSide.Caller side,
                                  ResponseStatus status, String justification, String statement,
                                  List<EvidenceRef> evidence, String by) {
        AssessmentItem item = item(a, key);
        if (!item.answeredBy.answeredBy(side)) {
            // The responsibility split (責任分界) gives this item to the other side: it is not asked of this one.
            throw ProblemException.forbidden("Item " + key + " is answered by the " + item.answeredBy
                    + " side under the contract's responsibility split, not by the " + side);
        }
        Preconditions.requireIfMatch(ifMatch, item.version);
        ItemSnapshot before = ItemSnapshot.of(item);
        AssessmentStatus next = transition(a, AssessmentAction.RESPOND);
        if (next != a.status) {
            // The first answer moves the assessment on. Answers sent together (a portal answering several items at
            // once) take the assessment's row lock in turn, and those after the first find the move made, instead
            // of failing on the assessment's version with an answer to an item nobody else touched.
            Assessment.getEntityManager().refresh(a, LockModeType.PESSIMISTIC_WRITE);
            next = transition(a, AssessmentAction.RESPOND);
        }
        if (a.status == AssessmentStatus.UNDER_REVIEW && item.evaluation != Evaluation.NEEDS_INFO) {
            throw ProblemException.transitionRefused("Item " + key + " is under review",
                    List.of(new Problem.GuardFailure("item-returned", "2省GL §4.3",
                            "during review the vendor answers only items returned with NEEDS_INFO")));
        }
        if (status == ResponseStatus.NOT_APPLICABLE && (justification == null || justification.isBlank())) {
            throw ProblemException.badRequest("justification", "is required when the response is NOT_APPLICABLE");
        }
        if (side == AnsweringSide.Caller.HOSPITAL) {
            item.hospitalResponse = status;
            item.hospitalJustification = justification;
            item.hospitalStatement = statement;
            item.hospitalEvidenceRefs = evidence == null ? new ArrayList<>() : new ArrayList<>(evidence);
            item.hospitalRespondedBy = by;
            item.hospitalRespondedAt = now();
        } else {
            item.response = status;
            item.justification = justification;
            item.statement = statement;
            item.evidenceRefs = evidence == null ? new ArrayList<>() : new ArrayList<>(evidence);
            item.respondedBy = by;
            item.respondedAt = now();
        }
        item.carriedForward = false;
        // The side's answer is its own now, no longer one carried over from a replaced requirement.
        item.carryOver(side, null);
        // An answer to a returned item waits for a new evaluation.
        item.clearEvaluation();
        if (next != a.status) {
            a.status = next;
            a.updatedAt = now();
        }
        audit.item("assessment-item.responded", a, item, before);
        return item;
    }

    /**
     * The answering side confirms the answer a re-baseline carried over to this item from a replaced requirement
     * ("carried over, confirm"): the answer stays, now the confirming person's, and no longer holds up submission.
     * Answering the item again confirms it too, with the new answer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AssessmentItem confirmCarriedOver(Assessment a, String key, String ifMatch, AnsweringSide.Caller side,
                                             String by) {
        AssessmentItem item = item(a, key);
        if (!item.answeredBy.answeredBy(side)) {
            throw ProblemException.forbidden("Item " + key + " is answered by the " + item.answeredBy
                    + " side under the contract's responsibility split, not by the " + side);
        }
        Preconditions.requireIfMatch(ifMatch, item.version);
        ItemSnapshot before = ItemSnapshot.of(item);
        AssessmentStatus next = transition(a, AssessmentAction.RESPOND);
        if (item.carryOver(side) != CarryOverConfirmation.PENDING) {
            throw ProblemException.conflict("nothing-to-confirm", "Nothing to confirm",
                    "The " + side + " answer to item " + key + " is not one carried over from a replaced "
                            + "requirement waiting for confirmation / 確認待ちの引き継ぎ回答はありません");
        }
        item.carryOver(side, CarryOverConfirmation.CONFIRMED);
        if (side == AnsweringSide.Caller.HOSPITAL) {
            item.hospitalRespondedBy = by;
            item.hospitalRespondedAt = now();
        } else {
            item.respondedBy = by;
            item.respondedAt = now();
        }
        if (next != a.status) {
            a.status = next;
            a.updatedAt = now();
        }
        audit.item("assessment-item.carried-over-answer-confirmed", a, item, before);
        return item;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public AssessmentItem evaluate(Assessment a, String key, String ifMatch, Evaluation evaluation, String comment,
                                   String by) {
        AssessmentItem item = item(a, key);
        Preconditions.requireIfMatch(ifMatch, item.version);
        ItemSnapshot before = ItemSnapshot.of(item);
        transition(a, AssessmentAction.EVALUATE);
        if (!item.answered()) {
            throw ProblemException.transitionRefused("Item " + key + " has no response",
                    List.of(new Problem.GuardFailure("item-answered", "2省GL §4.3",
                            "only an answered item is evaluated (an item answered by both sides needs both answers)")));
        }
        if (evaluation != Evaluation.CONFORMANT && (comment == null || comment.isBlank())) {
            throw ProblemException.badRequest("comment", "is required for " + evaluation);
        }
        if (evaluation != Evaluation.NONCONFORMANT && Finding.count("itemId", item.id) > 0) {
            throw ProblemException.conflict("finding-exists", "Finding exists",
                    "Item " + key + " has a finding; it stays NONCONFORMANT until the finding is resolved");
        }
        item.evaluation = evaluation;
        item.evaluationComment = comment;
        item.evaluatedBy = by;
        item.evaluatedAt = now();
        audit.item("assessment-item.evaluated", a, item, before);
        return item;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submit(Assessment a) {
        AssessmentSnapshot before = AssessmentSnapshot.of(a);
        a.status = transition(a, AssessmentAction.SUBMIT);
        a.updatedAt = now();
        outbox.publish(AssessmentEventTypes.AGGREGATE, a.contractId.toString(), AssessmentEventTypes.SUBMITTED,
                new AssessmentPayloads.Submitted(a.id, a.contractId, a.hospitalId, a.vendorId, a.phase));
        audit.assessment("assessment.submitted", a, before);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(Assessment a) {
        AssessmentSnapshot before = AssessmentSnapshot.of(a);
        a.status = transition(a, AssessmentAction.COMPLETE);
        if (AssessmentVerdictRule.applicable(outcomes(a)) == 0) {
            // Checked after the workflow's own guards, so an assessment that is not ready names those first.
            throw ProblemException.conflict("nothing-assessed", "Nothing assessed",
                    "Assessment " + a.id + " has no applicable item (" + AssessmentItem.count("assessmentId", a.id)
                            + " items, none left after those agreed not to apply): completing it would pass a "
                            + "vendor on nothing (2省GL §4.3). Check the contract's baseline, phase and data "
                            + "categories against the catalog / 適用される要求事項がなく、評価を完了できません");
        }
        a.completedAt = now();
        a.updatedAt = a.completedAt;
        a.record(evaluate(a));
        AssessmentPayloads.Result result = result(a);
        outbox.publish(AssessmentEventTypes.AGGREGATE, a.contractId.toString(), AssessmentEventTypes.COMPLETED,
                result);
        posture.resultRecorded(result);
        audit.assessment("assessment.completed", a, before);
    }

    /**
     * After a finding of a completed assessment changed (resolved, risk-accepted, acceptance expired): the result
     * is computed again and, when it differs, published as verdict-changed; the contract follows the latest one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(UUID assessmentId) {
        recompute(assessmentId, LocalDate.now(clock));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(UUID assessmentId, LocalDate today) {
        Assessment a = Assessment.findById(assessmentId);
        if (a == null || a.status != AssessmentStatus.COMPLETED) {
            return;
        }
        AssessmentResult next = evaluate(a, today);
        if (next.equals(a.result())) {
            return;
        }
        AssessmentSnapshot before = AssessmentSnapshot.of(a);
        a.record(next);
        a.updatedAt = now();
        AssessmentPayloads.Result result = result(a);
        outbox.publish(AssessmentEventTypes.AGGREGATE, a.contractId.toString(),
                AssessmentEventTypes.VERDICT_CHANGED, result);
        posture.resultRecorded(result);
        audit.assessment("assessment.verdict-changed", a, before);
    }

    /** The verdict rule over the assessment's items and findings as they stand today. */
    public AssessmentResult evaluate(Assessment a) {
        return evaluate(a, LocalDate.now(clock));
    }

    public AssessmentResult evaluate(Assessment a, LocalDate today) {
        return AssessmentVerdictRule.evaluate(outcomes(a), today, a.phase == AssessmentPhase.IN_CONTRACT);
    }

    private static List<ItemOutcome> outcomes(Assessment a) {
        Map<UUID, Finding> findings = Finding.<Finding>list("assessmentId", a.id).stream()
                .collect(Collectors.toMap(f -> f.itemId, Function.identity()));
        return AssessmentItem.<AssessmentItem>list("assessmentId", a.id).stream()
                .map(i -> {
                    Finding f = findings.get(i.id);
                    return new ItemOutcome(i.obligation, i.answeredBy.effective(i.response, i.hospitalResponse),
                            i.evaluation, f == null ? null : f.status,
                            f == null ? null : f.expiresOn, f == null ? null : f.dueDate);
                }).toList();
    }

    public static AssessmentPayloads.Result result(Assessment a) {
        return new AssessmentPayloads.Result(a.id, a.contractId, a.hospitalId, a.vendorId, a.phase, a.verdict,
                a.score.doubleValue(), a.openMandatoryGaps, a.acceptedMandatoryGaps, a.openRecommendedGaps,
                a.plannedMandatoryGaps == null ? 0 : a.plannedMandatoryGaps, a.completedAt);
    }

    private static AssessmentStatus transition(Assessment a, AssessmentAction action) {
        try {
            return AssessmentWorkflow.next(a.status, action, AssessmentFacts.of(a.id));
        } catch (TransitionRefusedException e) {
            throw ProblemException.transitionRefused(e.getMessage(), e.guards().stream()
                    .map(g -> new Problem.GuardFailure(g.name(), g.rule(), g.reason())).toList());
        }
    }

    private Instant now() {
        return clock.instant();
    }
}
