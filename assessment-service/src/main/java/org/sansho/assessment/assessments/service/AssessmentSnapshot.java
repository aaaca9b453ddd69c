package org.sansho.assessment.assessments.service;

import org.sansho.assessment.assessments.domain.AssessmentPhase;
import org.sansho.assessment.assessments.domain.AssessmentStatus;
import org.sansho.assessment.assessments.domain.Verdict;
import org.sansho.assessment.assessments.domain.VersionRef;
import org.sansho.assessment.assessments.persistence.Assessment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the audit trail digests of an assessment before and after a change: the feature's own record of its state,
 * independent of the API's view, so that a change of the API does not change what the chain hashes.
 */
public record AssessmentSnapshot(UUID id, UUID contractId, UUID hospitalId, UUID vendorId, AssessmentPhase phase,
                                 AssessmentStatus status, List<VersionRef> baseline, String serviceModel,
                                 List<String> dataCategories, Verdict verdict, BigDecimal score,
                                 Integer openMandatoryGaps, Integer acceptedMandatoryGaps, Integer openRecommendedGaps,
                                 Integer plannedMandatoryGaps,
                                 Instant completedAt, VersionRef staleSuperseded, VersionRef staleBy,
                                 List<String> staleChangedKeys, String itemsError, Instant createdAt,
                                 Instant updatedAt, long version) {

    public static AssessmentSnapshot of(Assessment a) {
        return new AssessmentSnapshot(a.id, a.contractId, a.hospitalId, a.vendorId, a.phase, a.status, a.baseline,
                a.serviceModel, a.dataCategories, a.verdict, a.score, a.openMandatoryGaps, a.acceptedMandatoryGaps,
                a.openRecommendedGaps, a.plannedMandatoryGaps, a.completedAt, a.staleSuperseded, a.staleBy, a.staleChangedKeys, a.itemsError,
                a.createdAt, a.updatedAt, a.version);
    }
}
