package org.sansho.assessment.assessments.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Verdict;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.persistence.Assessment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Assessment", description = "The assessment of one contract phase: its workflow status and, once completed, its result")
public record AssessmentView(
        UUID id, UUID contractId, UUID hospitalId, UUID vendorId,
        @Schema(example = "PRE_CONTRACT") AssessmentPhase phase,
        @Schema(example = "VENDOR_RESPONDING") AssessmentStatus status,
        List<VersionRef> baseline, String serviceModel, List<String> dataCategories,
        @Schema(description = "Present once completed") Result result,
        @Schema(description = "Present while STALE: the superseded version and its successor") Staleness stale,
        @Schema(description = "Why the items could not be read from the catalog (PENDING_ITEMS and ITEMS_UNRESOLVED only)") String pendingReason,
        Instant createdAt, Instant updatedAt, long version) {

    @Schema(name = "AssessmentResult", description = "Verdict by the documented rule; score = share of applicable items found conformant")
    public record Result(@Schema(example = "CONDITIONAL") Verdict verdict, @Schema(example = "87.5") double score,
                         int openMandatoryGaps, int acceptedMandatoryGaps, int openRecommendedGaps,
                         @Schema(description = "In contract only: mandatory gaps whose finding is open with a due date "
                                 + "still ahead (remedied on an agreed plan); not in openMandatoryGaps")
                         int plannedMandatoryGaps,
                         Instant completedAt) {
    }

    public record Staleness(VersionRef superseded, VersionRef by) {
    }

    public static AssessmentView of(Assessment a) {
        Result result = a.verdict == null ? null : new Result(a.verdict, a.score.doubleValue(), a.openMandatoryGaps,
                a.acceptedMandatoryGaps, a.openRecommendedGaps,
                a.plannedMandatoryGaps == null ? 0 : a.plannedMandatoryGaps, a.completedAt);
        Staleness stale = a.staleBy == null ? null : new Staleness(a.staleSuperseded, a.staleBy);
        return new AssessmentView(a.id, a.contractId, a.hospitalId, a.vendorId, a.phase, a.status, a.baseline,
                a.serviceModel, a.dataCategories, result, stale,
                a.status == AssessmentStatus.PENDING_ITEMS || a.status == AssessmentStatus.ITEMS_UNRESOLVED
                        ? a.itemsError : null, a.createdAt, a.updatedAt,
                a.version);
    }
}
