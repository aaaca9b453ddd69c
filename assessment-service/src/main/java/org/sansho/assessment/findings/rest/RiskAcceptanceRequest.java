package org.sansho.assessment.findings.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;

@Schema(description = "Acceptance of the residual risk by a named approver until an expiry date")
public record RiskAcceptanceRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Dr. Sato, CISO") String approver,
        @NotBlank @Size(max = 4000) @Schema(example = "Compensating control: quarterly access review") String justification,
        @NotNull @Schema(example = "2027-03-31") LocalDate expiresOn) {
}
