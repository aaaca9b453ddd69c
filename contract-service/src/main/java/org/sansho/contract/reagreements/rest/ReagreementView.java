package org.sansho.contract.reagreements.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.reagreements.domain.ReagreementRule;
import org.sansho.contract.reagreements.domain.ReagreementTrigger;
import org.sansho.contract.reagreements.persistence.ReagreementCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(description = "A re-agreement case (合意の維持, 2省GL §3.2.2 / 合意の維持): what changed, by when both sides are "
        + "expected to consent, and their consents; closed once both consented")
public record ReagreementView(
        UUID id, UUID contractId, ReagreementTrigger trigger,
        @Schema(description = "the baseline version superseded; null for an amendment") VersionRef superseded,
        @Schema(description = "the version that superseded it; null for an amendment") VersionRef by,
        @Schema(description = "requirement keys the new version added") List<String> addedKeys,
        @Schema(description = "requirement keys the new version changed") List<String> changedKeys,
        @Schema(description = "requirement keys the new version removed") List<String> removedKeys,
        @Schema(description = "the agreed terms an amendment changed (baseline, sla, responsibilities)")
        List<String> amendedFields,
        LocalDate openedOn, LocalDate dueOn,
        @Schema(description = "open after its due date") boolean overdue,
        @Schema(description = "the hospital's consent, null until given") ConsentView hospitalConsent,
        @Schema(description = "the vendor's consent, null until given") ConsentView vendorConsent,
        boolean open, Instant closedAt) {

    public static ReagreementView of(ReagreementCase r, LocalDate today) {
        return new ReagreementView(r.id, r.contractId, r.trigger, r.superseded(), r.by(), r.addedKeys, r.changedKeys,
                r.removedKeys, r.amendedFields, r.openedOn, r.dueOn, ReagreementRule.overdue(r.open(), r.dueOn, today),
                ConsentView.of(r.hospitalConsentBy, r.hospitalConsentAt),
                ConsentView.of(r.vendorConsentBy, r.vendorConsentAt), r.open(), r.closedAt);
    }
}
