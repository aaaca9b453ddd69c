package org.sansho.contract.contracts.events;

import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.query.NativeQuery;
import org.sansho.contract.contracts.domain.DataCategory;
import org.sansho.contract.contracts.domain.VersionRef;
import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.organizations.domain.ServiceModel;

import java.util.HashMap;
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

    public static ContractContext of(Contract c) {
        Map<UUID, OrganizationName> names = names(c.hospitalId, c.vendorId);
        return new ContractContext(c.id, c.hospitalId, c.vendorId, names.get(c.hospitalId), names.get(c.vendorId),
                c.serviceId, c.serviceModel, List.copyOf(c.baseline), List.copyOf(c.dataCategories));
    }

    /**
     * The names of the two parties, read past the tenancy filter: the event describes both sides whoever's request
     * or job publishes it (a vendor moving a contract, the daily reminders). Only the organization table is
     * synchronised, so reading the names flushes nothing else of the transaction.
     */
    private static Map<UUID, OrganizationName> names(UUID hospitalId, UUID vendorId) {
        Map<UUID, OrganizationName> names = new HashMap<>();
        if (hospitalId == null || vendorId == null) {
            return names;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("select id, name_ja, name_en from organization where id in (?1, ?2)")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("organization")
                .setParameter(1, hospitalId).setParameter(2, vendorId).getResultList();
        for (Object[] row : rows) {
            names.put((UUID) row[0], new OrganizationName((String) row[1], (String) row[2]));
        }
        return names;
    }
}
