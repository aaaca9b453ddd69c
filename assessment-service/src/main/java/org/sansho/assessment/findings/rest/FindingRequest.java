package org.sansho.assessment.findings.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.findings.domain.RiskTreatment;

import java.time.LocalDate;
import java.util.List;

@Schema(description = "Raise a finding for a NONCONFORMANT item: risk rating, treatment, owner and due date")
public record FindingRequest(
        @NotBlank @Size(max = 200) @Schema(example = "meti-mic-vendor:4.4:certification") String requirementKey,
        @NotBlank @Size(max = 200) @Schema(example = "vendor security officer") String owner,
        @NotNull @Schema(example = "2026-09-30") LocalDate dueDate,
        @Min(1) @Max(5) @Schema(example = "3") int likelihood,
        @NotNull @Valid Impact impact,
        @NotNull @Schema(example = "REDUCE") RiskTreatment treatment,
        @Size(max = 20) List<@NotBlank @Size(max = 500) String> measures) {

    @Schema(description = "Impact on confidentiality, integrity and availability, each 1–5")
    public record Impact(@Min(1) @Max(5) @Schema(example = "4") int confidentiality,
                         @Min(1) @Max(5) @Schema(example = "2") int integrity,
                         @Min(1) @Max(5) @Schema(example = "3") int availability) {
    }
}
