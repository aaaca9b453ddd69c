package org.sansho.assessment.findings.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.assessment.assessments.domain.Obligation;
import org.sansho.assessment.findings.domain.FindingStatus;
import org.sansho.assessment.findings.domain.RiskLevel;
import org.sansho.assessment.findings.domain.RiskTreatment;
import org.sansho.assessment.findings.persistence.Finding;
import org.sansho.platform.security.Caller;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Finding", description = "A nonconformity with its risk, treatment, owner, due date and outcome")
public record FindingView(
        UUID id, UUID assessmentId, UUID contractId, UUID hospitalId, UUID vendorId,
        String requirementKey, String title, Obligation obligation,
        String owner, LocalDate dueDate,
        Risk risk, RiskTreatment treatment, List<String> measures,
        @Schema(example = "OPEN") FindingStatus status,
        @Schema(description = "Present once RESOLVED") Resolution resolution,
        @Schema(description = "Present once RISK_ACCEPTED; approver and justification only for the hospital") RiskAcceptance riskAcceptance,
        boolean overdue, Instant createdAt, long version) {

    @Schema(description = "Likelihood × the highest of the C/I/A impacts, rated 1–5, gives the level (2省GL 表5-2)")
    public record Risk(int likelihood, int confidentiality, int integrity, int availability,
                       @Schema(example = "A") RiskLevel level) {
    }

    public record Resolution(String note, Instant resolvedAt) {
    }

    public record RiskAcceptance(String approver, String justification, LocalDate expiresOn, Instant acceptedAt) {
    }

    /**
     * The finding as {@code caller} may see it. Accepting a risk is the hospital's own decision: who approved it
     * and why stay with the hospital's side (and the services); the vendor, and the vendor's auditors, see that
     * the risk was accepted and until when, which is what they act on.
     */
    public FindingView seenBy(Caller caller) {
        if (riskAcceptance == null || caller.actsFor(hospitalId)) {
            return this;
        }
        return new FindingView(id, assessmentId, contractId, hospitalId, vendorId, requirementKey, title, obligation,
                owner, dueDate, risk, treatment, measures, status, resolution,
                new RiskAcceptance(null, null, riskAcceptance.expiresOn(), riskAcceptance.acceptedAt()),
                overdue, createdAt, version);
    }

    public static FindingView of(Finding f) {
        return new FindingView(f.id, f.assessmentId, f.contractId, f.hospitalId, f.vendorId, f.requirementKey, f.title,
                f.obligation, f.owner, f.dueDate,
                new Risk(f.likelihood, f.impactC, f.impactI, f.impactA, f.riskLevel), f.treatment, f.measures,
                f.status, f.resolvedAt == null ? null : new Resolution(f.resolutionNote, f.resolvedAt),
                f.acceptedAt == null ? null : new RiskAcceptance(f.approver, f.justification, f.expiresOn, f.acceptedAt),
                f.overdueNotifiedAt != null && f.status == FindingStatus.OPEN, f.createdAt, f.version);
    }
}
