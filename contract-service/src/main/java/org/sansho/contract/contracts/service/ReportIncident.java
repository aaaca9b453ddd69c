package org.sansho.contract.contracts.service;

import org.sansho.contract.contracts.persistence.Incident;

import java.time.OffsetDateTime;
import java.util.List;

/** Reports an incident on a contract (crisis response, 2省GL §3.2). */
public record ReportIncident(String summary, List<String> ciaImpact, OffsetDateTime detectedAt,
                             OffsetDateTime notifiedAt, List<Incident.TimelineEntry> timeline) {
}
