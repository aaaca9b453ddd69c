package org.sansho.assessment.findings.service;

import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.domain.RiskLevel;
import org.sansho.assessment.findings.domain.RiskTreatment;
import org.sansho.assessment.findings.persistence.Finding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What the audit trail digests of a finding before and after a change: its risk, treatment, outcome and the
 * notices sent, independent of the API's view (which hides the approver from the vendor).
 */
public record FindingSnapshot(UUID id, UUID assessmentId, UUID itemId, UUID contractId, UUID hospitalId,
                              UUID vendorId, String requirementKey, String title, Obligation obligation, String owner,
                              LocalDate dueDate, int likelihood, int impactC, int impactI, int impactA,
                              RiskLevel riskLevel, RiskTreatment treatment, List<String> measures,
                              FindingStatus status, String resolutionNote, Instant resolvedAt, String approver,
                              String justification, LocalDate expiresOn, Instant acceptedAt,
                              Instant overdueNotifiedAt, Integer expiryNotified, Instant createdAt, long version) {

    public static FindingSnapshot of(Finding f) {
        return new FindingSnapshot(f.id, f.assessmentId, f.itemId, f.contractId, f.hospitalId, f.vendorId,
                f.requirementKey, f.title, f.obligation, f.owner, f.dueDate, f.likelihood, f.impactC, f.impactI,
                f.impactA, f.riskLevel, f.treatment, f.measures == null ? List.of() : List.copyOf(f.measures),
                f.status, f.resolutionNote, f.resolvedAt, f.approver, f.justification, f.expiresOn, f.acceptedAt,
                f.overdueNotifiedAt, f.expiryNotified, f.createdAt, f.version);
    }
}
