package org.sansho.assessment.findings.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Evaluation;
import org.sansho.assessment.assessments.persistence.Assessment;
import org.sansho.assessment.assessments.persistence.AssessmentItem;
import org.sansho.assessment.assessments.service.AssessmentAudit;
import org.sansho.assessment.assessments.service.AssessmentReview;
import org.sansho.assessment.events.AssessmentEventTypes;
import org.sansho.assessment.events.AssessmentPayloads;
import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.domain.RiskLevel;
import org.sansho.assessment.findings.domain.RiskMatrix;
import org.sansho.assessment.findings.domain.RiskTreatment;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.assessment.posture.service.PostureProjection;
import org.sansho.platform.outbox.Outbox;
import org.sansho.platform.problem.Problem;
import org.sansho.platform.problem.ProblemException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Findings: a nonconformity gets a risk rating (2省GL 表5-2), a treatment (表5-3), an owner and a due date; it
 * ends RESOLVED when remediated, or RISK_ACCEPTED when a named approver accepts the residual risk until an expiry
 * (risk communication, 2省GL §5: the institution agrees to the risks the vendor carries).
 */
@ApplicationScoped
public class FindingWorkflow {

    /** The risk rating and plan of a new finding. */
    public record NewFinding(String requirementKey, String owner, LocalDate dueDate, int likelihood,
                             int confidentiality, int integrity, int availability, RiskTreatment treatment,
                             List<String> measures) {
    }

    private final Outbox outbox;
    private final AssessmentReview review;
    private final PostureProjection posture;
    private final Clock clock;

    private final AssessmentAudit audit;

    public FindingWorkflow(Outbox outbox, AssessmentReview review, PostureProjection posture, Clock clock,
                           AssessmentAudit audit) {
        this.audit = audit;
        this.outbox = outbox;
        this.review = review;
        this.posture = posture;
        this.clock = clock;
    }

    /** The finding, if it exists in the caller's tenancy scope (the platform's tenant filter); otherwise 404. */
    public static Finding readable(UUID id) {
        Finding f = Finding.findById(id);
        if (f == null) {
            throw ProblemException.notFound("Finding", id);
        }
        return f;
    }

    /** The findings of an assessment, oldest first. */
    public static PanacheQuery<Finding> ofAssessment(UUID assessmentId) {
        return Finding.find("assessmentId", Sort.by("createdAt").and("id"), assessmentId);
    }

    /** The finding raised on each item of an assessment, by item id. */
    public static Map<UUID, UUID> idsByItem(UUID assessmentId) {
        return Finding.<Finding>list("assessmentId", assessmentId).stream()
                .collect(Collectors.toMap(f -> f.itemId, f -> f.id));
    }

    /** The finding raised on an item, if any. */
    public static UUID idOf(UUID itemId) {
        Finding f = Finding.find("itemId", itemId).firstResult();
        return f == null ? null : f.id;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Finding open(Assessment a, NewFinding request) {
        if (a.status != AssessmentStatus.UNDER_REVIEW && a.status != AssessmentStatus.COMPLETED) {
            throw ProblemException.transitionRefused("Findings are raised during or after the review",
                    List.of(new Problem.GuardFailure("reviewed", "2省GL §4.3", "the assessment is " + a.status)));
        }
        AssessmentItem item = AssessmentReview.item(a, request.requirementKey());
        if (item.evaluation != Evaluation.NONCONFORMANT) {
            throw ProblemException.transitionRefused("Item " + item.requirementKey + " is not nonconformant",
                    List.of(new Problem.GuardFailure("nonconformant", "2省GL §5.1",
                            "a finding records a nonconformity; the item is "
                                    + (item.evaluation == null ? "not evaluated" : item.evaluation))));
        }
        if (Finding.count("itemId", item.id) > 0) {
            throw ProblemException.conflict("finding-exists", "Finding exists",
                    "Item " + item.requirementKey + " already has a finding");
        }
        if (!request.dueDate().isAfter(LocalDate.now(clock).minusDays(1))) {
            throw ProblemException.badRequest("dueDate", "must be today or later");
        }
        RiskLevel level = RiskMatrix.level(request.likelihood(), request.confidentiality(), request.integrity(),
                request.availability());
        List<String> problems = RiskMatrix.treatmentProblems(level, request.treatment(), request.measures());
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest("The treatment does not fit a risk of level " + level + ": "
                    + String.join("; ", problems), problems.stream()
                    .map(p -> new Problem.FieldError("treatment", p)).toList());
        }
        Finding f = new Finding();
        f.id = UUID.randomUUID();
        f.assessmentId = a.id;
        f.itemId = item.id;
        f.requirementKey = item.requirementKey;
        f.obligation = item.obligation;
        f.contractId = a.contractId;
        f.hospitalId = a.hospitalId;
        f.vendorId = a.vendorId;
        f.title = item.titleEn != null ? item.titleEn : item.titleJa;
        f.owner = request.owner();
        f.dueDate = request.dueDate();
        f.likelihood = request.likelihood();
        f.impactC = request.confidentiality();
        f.impactI = request.integrity();
        f.impactA = request.availability();
        f.riskLevel = level;
        f.treatment = request.treatment();
        f.measures = request.measures() == null ? new ArrayList<>() : new ArrayList<>(request.measures());
        f.status = FindingStatus.OPEN;
        f.createdAt = now();
        f.updatedAt = f.createdAt;
        f.persist();
        publish(f, AssessmentEventTypes.FINDING_OPENED);
        audit.finding("finding.opened", f, null);
        if (a.status == AssessmentStatus.COMPLETED) {
            // In contract, a finding with a due date ahead puts the gap under a plan: the verdict may change.
            review.recompute(a.id);
        }
        return f;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Finding resolve(Finding f, String note) {
        requireOpen(f, "resolved");
        FindingSnapshot before = FindingSnapshot.of(f);
        f.status = FindingStatus.RESOLVED;
        f.resolutionNote = note;
        f.resolvedAt = now();
        f.updatedAt = f.resolvedAt;
        closed(f);
        audit.finding("finding.resolved", f, before);
        return f;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Finding acceptRisk(Finding f, String approver, String justification, LocalDate expiresOn) {
        requireOpen(f, "risk-accepted");
        if (!expiresOn.isAfter(LocalDate.now(clock))) {
            throw ProblemException.badRequest("expiresOn", "must be a future date");
        }
        FindingSnapshot before = FindingSnapshot.of(f);
        f.status = FindingStatus.RISK_ACCEPTED;
        f.approver = approver;
        f.justification = justification;
        f.expiresOn = expiresOn;
        f.acceptedAt = now();
        f.expiryNotified = null;
        f.updatedAt = f.acceptedAt;
        closed(f);
        audit.finding("finding.risk-accepted", f, before);
        return f;
    }

    /** A finding left OPEN: the overdue count and the verdict of a completed assessment follow. */
    private void closed(Finding f) {
        if (f.overdueNotifiedAt != null) {
            posture.overdueChanged(f.contractId, f.hospitalId, f.vendorId, -1);
        }
        Finding.getEntityManager().flush();
        review.recompute(f.assessmentId);
    }

    private static void requireOpen(Finding f, String what) {
        if (f.status != FindingStatus.OPEN) {
            throw ProblemException.transitionRefused("Finding " + f.id + " is " + f.status,
                    List.of(new Problem.GuardFailure("finding-open", "2省GL §5.1",
                            "only an OPEN finding can be " + what)));
        }
    }

    public void publish(Finding f, String type) {
        outbox.publish(AssessmentEventTypes.AGGREGATE, f.contractId.toString(), type, fact(f));
    }

    public static AssessmentPayloads.FindingFact fact(Finding f) {
        return new AssessmentPayloads.FindingFact(f.id, f.assessmentId, f.contractId, f.hospitalId, f.vendorId,
                f.requirementKey, f.obligation, f.riskLevel, f.status, f.dueDate, f.expiresOn);
    }

    private Instant now() {
        return clock.instant();
    }
}
