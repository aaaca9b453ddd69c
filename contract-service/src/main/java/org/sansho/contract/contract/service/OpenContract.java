package org.sansho.contract.contract.service;

import org.sansho.contract.contract.domain.ContractTerm;
import org.sansho.contract.contract.domain.DataCategory;
import org.sansho.contract.contract.domain.Responsibility;
import org.sansho.contract.contract.domain.SlaTerms;
import org.sansho.contract.contract.domain.VersionRef;

import java.util.List;
import java.util.UUID;

/** Opens a contract (DRAFT) for the caller's hospital with a vendor's service. */
public record OpenContract(UUID vendorId, UUID serviceId, String title, List<VersionRef> baseline,
                           List<DataCategory> dataCategories, ContractTerm term, SlaTerms sla,
                           List<Responsibility> responsibilities) {
}
