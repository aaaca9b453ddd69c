package org.sansho.contract.contracts.service;

import org.sansho.contract.contracts.domain.ContractTerm;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.Responsibility;
import org.sansho.contract.contracts.domain.SlaTerms;
import org.sansho.contract.contracts.domain.VersionRef;

import java.util.List;
import java.util.UUID;

/** Opens a contract (DRAFT) for the caller's hospital with a vendor's service. */
public record OpenContract(UUID vendorId, UUID serviceId, String title, List<VersionRef> baseline,
                           List<DataCategory> dataCategories, ContractTerm term, SlaTerms sla,
                           List<Responsibility> responsibilities, RecordResidencyException residencyException) {
}
