package org.sansho.contract.contracts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.persistence.AssessmentResultRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Schema(description = "The latest assessment result of one phase, as reported by the assessment-service")
public record AssessmentResultView(String phase, UUID assessmentId, String verdict, BigDecimal score,
                                   int openMandatoryGaps, Instant completedAt) {
    public static AssessmentResultView of(AssessmentResultRow r) {
        return new AssessmentResultView(r.key.phase(), r.assessmentId, r.verdict.name(), r.score,
                r.openMandatoryGaps, r.completedAt);
    }
}
