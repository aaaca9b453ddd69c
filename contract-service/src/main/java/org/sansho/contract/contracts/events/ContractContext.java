package org.sansho.contract.contracts.events;

import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.organizations.domain.ServiceModel;

import java.util.List;
import java.util.UUID;

/** What a consumer needs to know about a contract without calling back; part of every contract event. */
public record ContractContext(UUID contractId, UUID hospitalId, UUID vendorId, UUID serviceId,
                              ServiceModel serviceModel, List<VersionRef> baseline,
                              List<DataCategory> dataCategories) {

    public static ContractContext of(Contract c) {
        return new ContractContext(c.id, c.hospitalId, c.vendorId, c.serviceId, c.serviceModel,
                List.copyOf(c.baseline), List.copyOf(c.dataCategories));
    }
}
