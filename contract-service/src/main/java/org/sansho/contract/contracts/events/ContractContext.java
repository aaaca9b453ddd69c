package org.sansho.contract.contracts.events;

import io.quarkus.arc.Arc;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.organizations.domain.ServiceModel;
import org.sansho.contract.organizations.service.OrganizationNames;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a consumer needs to know about a contract without calling back; part of every contract event. The parties'
 * names are the organizations' names as they stand when the event is published, so a consumer that keeps the latest
 * follows a rename.
 */
public record ContractContext(UUID contractId, UUID hospitalId, UUID vendorId, OrganizationName hospitalName,
                              OrganizationName vendorName, UUID serviceId, ServiceModel serviceModel,
                              List<VersionRef> baseline, List<DataCategory> dataCategories) {

    /** An organization's registered name: Japanese, and English where one was registered (else null). */
    public record OrganizationName(String ja, String en) {
    }

    /**
     * The context of an event about {@code c}. The parties' names come from {@link OrganizationNames}: read once per
     * transaction, however many events it publishes, and current with a rename made in it.
     */
    public static ContractContext of(Contract c) {
        Map<UUID, OrganizationNames.Names> names = c.hospitalId == null || c.vendorId == null ? Map.of()
                : Arc.container().instance(OrganizationNames.class).get().of(c.hospitalId, c.vendorId);
        return new ContractContext(c.id, c.hospitalId, c.vendorId, name(names.get(c.hospitalId)),
                name(names.get(c.vendorId)), c.serviceId, c.serviceModel, List.copyOf(c.baseline),
                List.copyOf(c.dataCategories));
    }

    private static OrganizationName name(OrganizationNames.Names n) {
        return n == null ? null : new OrganizationName(n.ja(), n.en());
    }
}
