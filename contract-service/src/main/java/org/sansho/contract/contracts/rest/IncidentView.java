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
                           String hospitalAgreedBy, Instant hospitalAgreedAt, String vendorAgreedBy,
                           Instant vendorAgreedAt, boolean measureAgreedByBoth) {
    public static IncidentView of(Incident i) {
        return new IncidentView(i.id, i.contractId, i.reportedByParty, i.reportedBy, i.summary, i.ciaImpact,
                i.detectedAt, i.notifiedAt, i.notifiedWithinSla, i.timeline, i.measure, i.resolvedAt,
                i.hospitalAgreedBy, i.hospitalAgreedAt, i.vendorAgreedBy, i.vendorAgreedAt,
                i.measureAgreedByBoth());
    }
}
