package org.sansho.assessment.findings.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.sansho.assessment.assessments.service.AssessmentAudit;
import org.sansho.assessment.assessments.service.AssessmentReview;
import org.sansho.assessment.events.AssessmentEventTypes;
import org.sansho.assessment.findings.domain.FindingDeadlines;
import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.assessment.posture.service.PostureProjection;
import org.sansho.platform.tenancy.SystemScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * Announces overdue findings and expiring risk acceptances, each once (the finding row records what was
 * announced, in the same transaction as the event). An expired acceptance no longer counts for the verdict, so
 * the verdict of its completed assessment is computed again.
 */
@ApplicationScoped
@SystemScope("assessment-service.finding-deadlines")
public class FindingDeadlineWatch {

    private final FindingWorkflow findings;
    private final AssessmentReview review;
    private final PostureProjection posture;
    private final Clock clock;

    private final AssessmentAudit audit;

    private static final String WATCH = "assessment-service.deadline-watch";

    public FindingDeadlineWatch(FindingWorkflow findings, AssessmentReview review, PostureProjection posture,
                                Clock clock, AssessmentAudit audit) {
        this.audit = audit;
        this.findings = findings;
        this.review = review;
        this.posture = posture;
        this.clock = clock;
    }

    @Scheduled(every = "${sansho.assessment.deadline-check-interval:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        check(LocalDate.now(clock));
    }

    /** @return how many notices were published */
    public int check(LocalDate today) {
        int notices = 0;
        List<UUID> overdue = QuarkusTransaction.requiringNew().call(() -> Finding.<Finding>list(
                "status = ?1 and dueDate < ?2 and overdueNotifiedAt is null", FindingStatus.OPEN, today)
                .stream().map(f -> f.id).toList());
        for (UUID id : overdue) {
            notices += QuarkusTransaction.requiringNew().call(() -> {
                Finding f = Finding.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (f == null || f.overdueNotifiedAt != null
                        || !FindingDeadlines.overdue(f.status, f.dueDate, today)) {
                    return 0;
                }
                FindingSnapshot before = FindingSnapshot.of(f);
                f.overdueNotifiedAt = clock.instant();
                findings.publish(f, AssessmentEventTypes.FINDING_OVERDUE);
                posture.overdueChanged(f.contractId, f.hospitalId, f.vendorId, 1);
                audit.actAs(WATCH, null);
                audit.finding("finding.overdue-noticed", f, before);
                // A planned remedy that missed its date no longer manages the gap (in contract): the verdict of a
                // completed assessment is computed again, and a change goes out as verdict-changed.
                review.recompute(f.assessmentId, today);
                return 1;
            });
        }
        List<UUID> accepted = QuarkusTransaction.requiringNew().call(() -> Finding.<Finding>list(
                "status = ?1 and expiresOn <= ?2", FindingStatus.RISK_ACCEPTED,
                today.plusDays(FindingDeadlines.EXPIRY_WARNING_DAYS)).stream().map(f -> f.id).toList());
        for (UUID id : accepted) {
            notices += QuarkusTransaction.requiringNew().call(() -> {
                Finding f = Finding.findById(id, LockModeType.PESSIMISTIC_WRITE);
                if (f == null) {
                    return 0;
                }
                OptionalInt due = FindingDeadlines.expiryThresholdDue(f.status, f.expiresOn, today, f.expiryNotified);
                if (due.isEmpty()) {
                    return 0;
                }
                FindingSnapshot before = FindingSnapshot.of(f);
                audit.actAs(WATCH, null);
                f.expiryNotified = due.getAsInt();
                findings.publish(f, AssessmentEventTypes.RISK_ACCEPTANCE_EXPIRING);
                if (due.getAsInt() == 0) {
                    Finding.getEntityManager().flush();
                    review.recompute(f.assessmentId, today);
                }
                audit.finding("finding.risk-acceptance-expiry-noticed", f, before);
                return 1;
            });
        }
        return notices;
    }
}
