package org.sansho.contract.reagreements.service;

import org.sansho.contract.reagreements.domain.ReagreementTrigger;
import org.sansho.contract.reagreements.persistence.ReagreementCase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the audit trail digests of a re-agreement case before and after a change. */
public record ReagreementSnapshot(UUID id, UUID contractId, ReagreementTrigger trigger, String supersededGuideline,
                                  String supersededVersion, String byGuideline, String byVersion,
                                  List<String> addedKeys, List<String> changedKeys, List<String> removedKeys,
                                  List<String> amendedFields, LocalDate openedOn, LocalDate dueOn,
                                  String hospitalConsentBy, Instant hospitalConsentAt, String vendorConsentBy,
                                  Instant vendorConsentAt, Instant closedAt) {
    public static ReagreementSnapshot of(ReagreementCase r) {
        return new ReagreementSnapshot(r.id, r.contractId, r.trigger, r.supersededGuideline, r.supersededVersion,
                r.byGuideline, r.byVersion, r.addedKeys, r.changedKeys, r.removedKeys, r.amendedFields, r.openedOn,
                r.dueOn, r.hospitalConsentBy, r.hospitalConsentAt, r.vendorConsentBy, r.vendorConsentAt, r.closedAt);
    }
}
