package org.sansho.contract.contracts.rest;

import org.sansho.contract.contracts.service.ProposeMeasure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

@Schema(description = "The recurrence-prevention measure proposed for an incident")
public record MeasureBody(
        @NotBlank @Size(max = 4000) @Schema(example = "offline backup copy, EDR on all servers") String measure,
        @Schema(example = "2025-06-02T18:00:00+09:00") OffsetDateTime resolvedAt,
        @Schema(description = "when the service was restored; compared with the SLA's RTO, counted from detection",
                example = "2025-06-02T09:00:00+09:00") OffsetDateTime restoredAt,
        @Min(0) @Max(5_256_000) @Schema(description = "minutes of data that could not be recovered (the window "
                + "between the last recovery point and the incident); compared with the SLA's RPO; needs restoredAt",
                example = "30") Integer dataLossMinutes) {
    public ProposeMeasure toCommand() {
        return new ProposeMeasure(measure, resolvedAt, restoredAt, dataLossMinutes);
    }
}
