package org.sansho.contract.contracts.service;

import org.sansho.contract.contracts.domain.ResponsibleParty;
import org.sansho.contract.contracts.persistence.Incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the audit trail digests of an incident before and after a change, independent of the API's view. */
public record IncidentSnapshot(UUID id, UUID contractId, ResponsibleParty reportedByParty, String reportedBy,
                               String summary, List<String> ciaImpact, Instant detectedAt, Instant notifiedAt,
                               Boolean notifiedWithinSla, List<Incident.TimelineEntry> timeline, String measure,
                               Instant resolvedAt, Instant restoredAt, Integer dataLossMinutes, Boolean withinRto,
                               Boolean withinRpo, String hospitalAgreedBy, Instant hospitalAgreedAt,
                               String vendorAgreedBy, Instant vendorAgreedAt, boolean measureAgreedByBoth) {

    public static IncidentSnapshot of(Incident i) {
        return new IncidentSnapshot(i.id, i.contractId, i.reportedByParty, i.reportedBy, i.summary, i.ciaImpact,
                i.detectedAt, i.notifiedAt, i.notifiedWithinSla, i.timeline, i.measure, i.resolvedAt,
                i.restoredAt, i.dataLossMinutes, i.withinRto, i.withinRpo, i.hospitalAgreedBy, i.hospitalAgreedAt, i.vendorAgreedBy, i.vendorAgreedAt, i.measureAgreedByBoth());
    }
}
