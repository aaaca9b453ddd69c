package org.sansho.contract.contracts.rest;

import org.sansho.contract.contracts.service.ReportIncident;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.persistence.Incident;

import java.time.OffsetDateTime;
import java.util.List;

@Schema(description = "An incident report")
public record NewIncident(
        @NotBlank @Size(max = 2000) @Schema(example = "ランサムウェアによるバックアップサーバ暗号化") String summary,
        @NotNull @Size(min = 1, max = 3)
        @Schema(description = "harmed properties: C, I, A", example = "[\"A\", \"I\"]")
        List<@NotNull @Pattern(regexp = "[CIA]", message = "must be C, I or A") String> ciaImpact,
        @NotNull @Schema(example = "2025-06-01T08:00:00+09:00") OffsetDateTime detectedAt,
        @NotNull @Schema(example = "2025-06-01T08:40:00+09:00") OffsetDateTime notifiedAt,
        @Size(max = 100) List<@NotNull @Valid TimelineBody> timeline) {
    public ReportIncident toCommand() {
        return new ReportIncident(summary, ciaImpact, detectedAt, notifiedAt, timeline == null ? null
                : timeline.stream().map(t -> new Incident.TimelineEntry(t.at(), t.what())).toList());
    }
}
