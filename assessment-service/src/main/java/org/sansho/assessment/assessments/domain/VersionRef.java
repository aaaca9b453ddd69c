package org.sansho.assessment.assessments.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One guideline version of a baseline. */
@Schema(description = "A guideline version")
public record VersionRef(
        @NotBlank @Size(max = 200) @Schema(example = "meti-mic-medical-service-provider") String guidelineId,
        @NotBlank @Size(max = 50) @Schema(example = "1.1") String version) {
}
