package org.sansho.contract.disclosures.service;

import org.sansho.contract.contracts.persistence.Contract;
import org.sansho.contract.disclosures.persistence.DisclosureItem;
import org.sansho.contract.disclosures.persistence.DisclosurePackage;

import java.util.List;

/**
 * A contract's disclosure package as the service answers it: the package (null while no row was answered: then the
 * rows are the catalog's, all OPEN, and nothing is stored yet), its rows in template order, and the registered facts.
 */
public record DisclosurePackageState(Contract contract, DisclosurePackage pkg, List<DisclosureItem> items,
                                     RegisteredFacts facts) {

    /** The package's version for ETag and If-Match; 0 before it starts. */
    public long version() {
        return pkg == null ? 0 : pkg.version;
    }
}
