package org.sansho.contract.contracts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.contracts.domain.ContractActivity;
import org.sansho.contract.contracts.domain.ContractLifecycle;
import org.sansho.contract.contracts.domain.ContractPhase;
import org.sansho.contract.contracts.domain.ContractState;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.ResidencyException;
import org.sansho.contract.contracts.domain.SlaTerms;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.organizations.domain.ServiceModel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Schema(description = "A contract")
public record ContractView(UUID id, UUID hospitalId, UUID vendorId, UUID serviceId, ServiceModel serviceModel,
                           String title, List<VersionRef> baseline, List<DataCategory> dataCategories,
                           TermView term, SlaTerms sla, List<Responsibility> responsibilities,
                           ContractPhase phase, ContractState state, ContractActivity activity,
                           LocalDate signedOn,
                           @Schema(description = "a re-agreement case is open: GET /contracts/{id}/reagreements")
                           boolean reagreementRequired,
                           @Schema(description = "every row of the disclosure package is accepted by the hospital "
                                   + "(共通理解, 2省GL §3.2.1): needed for UNDER_ASSESSMENT and AGREED")
                           boolean disclosureSharedUnderstanding,
                           Set<ContractState> nextStates,
                           @Schema(description = "the hospital's documented exception to domestic data storage "
                                   + "(2省GL 表4-1), if recorded") ResidencyException residencyException,
                           @Schema(description = "missed service levels over the contract's incidents: late "
                                   + "notifications, restores beyond the RTO, data loss beyond the RPO")
                           int slaBreaches,
                           long version, String createdBy, Instant createdAt,
                           String updatedBy, Instant updatedAt) {
    public static ContractView of(Contract c) {
        return new ContractView(c.id, c.hospitalId, c.vendorId, c.serviceId, c.serviceModel, c.title, c.baseline,
                c.dataCategories, new TermView(c.startDate, c.endDate, c.autoRenewal, c.hospitalNoticeDays,
                c.vendorNoticeDays, c.noticeDeadline, c.renewalMonths, c.termExpired), c.sla, c.responsibilities, c.phase, c.state, c.activity,
                c.signedOn, c.reagreementRequired, c.disclosureSharedUnderstanding, ContractLifecycle.next(c.state),
                c.residencyException, c.slaBreaches, c.version,
                c.createdBy, c.createdAt, c.updatedBy, c.updatedAt);
    }
}
