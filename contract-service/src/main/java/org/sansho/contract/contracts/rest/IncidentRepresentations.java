package org.sansho.contract.contracts.rest;

import org.sansho.contract.contracts.service.ProposeMeasure;
import org.sansho.contract.contracts.service.ReportIncident;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.persistence.Incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Bodies of the incident API (crisis response, 2省GL §3.2). */
public final class IncidentRepresentations {

    private IncidentRepresentations() {
    }

    @Schema(description = "One entry of an incident's timeline")
    public record TimelineBody(@NotBlank @Size(max = 40) @Schema(example = "2025-06-01T09:30:00+09:00") String at,
                               @NotBlank @Size(max = 1000) @Schema(example = "service restored") String what) {
    }

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

    @Schema(description = "The recurrence-prevention measure proposed for an incident")
    public record MeasureBody(
            @NotBlank @Size(max = 4000) @Schema(example = "offline backup copy, EDR on all servers") String measure,
            @Schema(example = "2025-06-02T18:00:00+09:00") OffsetDateTime resolvedAt) {
        public ProposeMeasure toCommand() {
            return new ProposeMeasure(measure, resolvedAt);
        }
    }

    @Schema(description = "An incident with its crisis response")
    public record IncidentView(UUID id, UUID contractId, ResponsibleParty reportedByParty, String reportedBy,
                               String summary, List<String> ciaImpact, Instant detectedAt, Instant notifiedAt,
                               @Schema(description = "notified within the SLA's incident notification hours; "
                                       + "null when the SLA sets none") Boolean notifiedWithinSla,
                               List<Incident.TimelineEntry> timeline, String measure, Instant resolvedAt,
                               String hospitalAgreedBy, Instant hospitalAgreedAt, String vendorAgreedBy,
                               Instant vendorAgreedAt, boolean measureAgreedByBoth) {
        public static IncidentView of(Incident i) {
            return new IncidentView(i.id, i.contractId, i.reportedByParty, i.reportedBy, i.summary, i.ciaImpact,
                    i.detectedAt, i.notifiedAt, i.notifiedWithinSla, i.timeline, i.measure, i.resolvedAt,
                    i.hospitalAgreedBy, i.hospitalAgreedAt, i.vendorAgreedBy, i.vendorAgreedAt,
                    i.measureAgreedByBoth());
        }
    }
}
