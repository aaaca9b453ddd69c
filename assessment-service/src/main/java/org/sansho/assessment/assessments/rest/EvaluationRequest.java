package org.sansho.assessment.assessments.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.assessments.domain.Evaluation;

@Schema(description = "The reviewer's judgement of one item; NONCONFORMANT and NEEDS_INFO need a comment, NEEDS_INFO returns the item to the vendor")
public record EvaluationRequest(
        @NotNull @Schema(example = "NONCONFORMANT") Evaluation evaluation,
        @Size(max = 4000) @Schema(example = "The certificate expired in March") String comment) {
}
