package org.sansho.assessment.events;

import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.assessments.domain.Verdict;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.domain.RiskLevel;
import org.sansho.platform.events.DataSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Payloads of the events this service publishes, field for field as in docs/asyncapi.yaml. */
public final class AssessmentPayloads {

    private AssessmentPayloads() {
    }

    /** The catalog could not resolve the assessment's items within the configured time. */
    @DataSchema("AssessmentItemsUnresolvedV1")
    public record ItemsUnresolved(UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId,
                                  AssessmentPhase phase, List<VersionRef> baseline, String reason,
                                  Instant pendingSince, int attempts) {
    }

    @DataSchema("AssessmentOpenedV1")
    public record Opened(UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId, AssessmentPhase phase,
                         List<VersionRef> baseline, int itemCount) {
    }

    @DataSchema("AssessmentSubmittedV1")
    public record Submitted(UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId,
                            AssessmentPhase phase) {
    }

    /** AssessmentResult: the payload of completed and verdict-changed. */
    @DataSchema("AssessmentResultV1")
    public record Result(UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId, AssessmentPhase phase,
                         Verdict verdict, double score, int openMandatoryGaps, int acceptedMandatoryGaps,
                         int openRecommendedGaps, int plannedMandatoryGaps, Instant completedAt) {
    }

    @DataSchema("AssessmentStaleV1")
    public record Stale(UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId, AssessmentPhase phase,
                        VersionRef superseded, VersionRef by) {
    }

    /** An evidence reference of an assessment item nears or passed its validUntil. */
    @DataSchema("EvidenceExpiringV1")
    public record EvidenceExpiring(UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId, UUID itemId,
                                   String requirementKey, String evidenceName, LocalDate validUntil,
                                   int thresholdDays) {
    }

    @DataSchema("FindingV1")
    public record FindingFact(UUID findingId, UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId,
                              String requirementKey, Obligation obligation, RiskLevel riskLevel,
                              FindingStatus status, LocalDate dueDate, LocalDate expiresOn) {
    }
}
