package org.sansho.contract.contracts.rest;

import org.sansho.contract.contracts.service.ProposeMeasure;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(description = "The recurrence-prevention measure proposed for an incident")
public record MeasureBody(
        @NotBlank @Size(max = 4000) @Schema(example = "offline backup copy, EDR on all servers") String measure,
        @Schema(example = "2025-06-02T18:00:00+09:00") OffsetDateTime resolvedAt) {
    public ProposeMeasure toCommand() {
        return new ProposeMeasure(measure, resolvedAt);
    }
}
