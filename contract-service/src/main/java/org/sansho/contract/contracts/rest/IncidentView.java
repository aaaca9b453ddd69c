package org.sansho.contract.contracts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.persistence.Incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An incident with its crisis response")
public record IncidentView(UUID id, UUID contractId, ResponsibleParty reportedByParty, String reportedBy,
                           String summary, List<String> ciaImpact, Instant detectedAt, Instant notifiedAt,
                           @Schema(description = "notified within the SLA's incident notification hours; "
                                   + "null when the SLA sets none") Boolean notifiedWithinSla,
                           List<Incident.TimelineEntry> timeline, String measure, Instant resolvedAt,
                           @Schema(description = "when the service was restored") Instant restoredAt,
                           @Schema(description = "minutes of data that could not be recovered") Integer dataLossMinutes,
                           @Schema(description = "restored within the SLA's RTO, counted from detection; null when "
                                   + "not restored yet or the SLA sets no RTO") Boolean withinRto,
                           @Schema(description = "data loss within the SLA's RPO; null when not measured or the SLA "
                                   + "sets no RPO") Boolean withinRpo,
                           @Schema(description = "how many of the SLA's promises this incident missed") int slaBreaches,
                           String hospitalAgreedBy, Instant hospitalAgreedAt, String vendorAgreedBy,
                           Instant vendorAgreedAt, boolean measureAgreedByBoth) {
    public static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.contractId, i.reportedByParty, i.reportedBy, i.summary, i.ciaImpact,
                i.detectedAt, i.notifiedAt, i.notifiedWithinSla, i.timeline, i.measure, i.resolvedAt,
                i.restoredAt, i.dataLossMinutes, i.withinRto, i.withinRpo, i.slaBreaches(),
                i.hospitalAgreedBy, i.hospitalAgreedAt, i.vendorAgreedBy, i.vendorAgreedAt,
                i.measureAgreedByBoth());
    }
}
