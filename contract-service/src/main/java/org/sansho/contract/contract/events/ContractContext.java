package org.sansho.contract.contract.events;

import org.sansho.contract.contract.domain.DataCategory;
import org.sansho.contract.contract.domain.VersionRef;
import org.sansho.contract.contract.persistence.Contract;
import org.sansho.contract.organization.domain.ServiceModel;

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
