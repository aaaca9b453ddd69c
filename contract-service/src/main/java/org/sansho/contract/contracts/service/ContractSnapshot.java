package org.sansho.contract.contracts.service;

import org.sansho.contract.contracts.domain.ContractActivity;
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
import java.util.UUID;

/**
 * What the audit trail digests of a contract before and after a change: the feature's own record of its state,
 * independent of the API's view, so that a change of the API does not change what the chain hashes.
 */
public record ContractSnapshot(UUID id, UUID hospitalId, UUID vendorId, UUID serviceId, ServiceModel serviceModel,
                               String title, List<VersionRef> baseline, List<DataCategory> dataCategories,
                               LocalDate startDate, LocalDate endDate, boolean autoRenewal, int hospitalNoticeDays,
                               int vendorNoticeDays, LocalDate noticeDeadline, Integer renewalMonths,
                               boolean termExpired, ResidencyException residencyException, SlaTerms sla,
                               List<Responsibility> responsibilities, ContractPhase phase, ContractState state,
                               ContractActivity activity, LocalDate signedOn, boolean reagreementRequired,
                               long version, String createdBy, Instant createdAt,
                               String updatedBy, Instant updatedAt, Instant splitAcknowledgedAt,
                               String splitAcknowledgedBy) {

    public static ContractSnapshot of(Contract c) {
        return new ContractSnapshot(c.id, c.hospitalId, c.vendorId, c.serviceId, c.serviceModel, c.title, c.baseline,
                c.dataCategories, c.startDate, c.endDate, c.autoRenewal, c.hospitalNoticeDays, c.vendorNoticeDays,
                c.noticeDeadline, c.renewalMonths, c.termExpired, c.residencyException, c.sla, c.responsibilities, c.phase, c.state, c.activity, c.signedOn,
                c.reagreementRequired, c.version, c.createdBy, c.createdAt, c.updatedBy, c.updatedAt,
                c.splitAcknowledgedAt, c.splitAcknowledgedBy);
    }
}
