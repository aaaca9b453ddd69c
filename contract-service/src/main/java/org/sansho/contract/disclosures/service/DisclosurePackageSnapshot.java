package org.sansho.contract.disclosures.service;

import org.sansho.contract.disclosures.persistence.DisclosureItem;
import org.sansho.contract.disclosures.persistence.DisclosurePackage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the audit trail digests of a whole package (its start, a copy): the package and every row. */
public record DisclosurePackageSnapshot(UUID contractId, UUID copiedFrom, boolean sharedUnderstanding,
                                        Instant sharedUnderstandingAt, List<DisclosureItemSnapshot> items) {

    public static DisclosurePackageSnapshot of(DisclosurePackage p, List<DisclosureItem> items) {
        return new DisclosurePackageSnapshot(p.contractId, p.copiedFrom, p.sharedUnderstanding,
                p.sharedUnderstandingAt, items.stream().map(DisclosureItemSnapshot::of).toList());
    }
}
