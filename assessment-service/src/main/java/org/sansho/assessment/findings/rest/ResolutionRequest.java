package org.sansho.assessment.findings.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How the nonconformity was remediated")
public record ResolutionRequest(
        @NotBlank @Size(max = 4000) @Schema(example = "ISMS certificate renewed; new certificate checked") String note) {
}
