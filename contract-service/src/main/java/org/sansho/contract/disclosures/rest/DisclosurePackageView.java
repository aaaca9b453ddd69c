package org.sansho.contract.disclosures.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.disclosures.domain.RowStatus;
import org.sansho.contract.disclosures.persistence.DisclosureItem;
import org.sansho.contract.disclosures.service.DisclosurePackageState;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(description = "A contract's disclosure package (2省GL §3.2.1; vendor guideline §4.1 表4-1)")
public record DisclosurePackageView(
        UUID contractId,
        UUID hospitalId,
        UUID vendorId,
        @Schema(description = "false until the vendor's first answer or copy; the rows are then the catalog's, OPEN")
        boolean started,
        @Schema(description = "the vendor's earlier contract whose answers this package was copied from")
        UUID copiedFrom,
        @Schema(description = "every row accepted by the hospital (共通理解)") boolean sharedUnderstanding,
        Instant sharedUnderstandingAt,
        @Schema(description = "rows per status") Map<RowStatus, Integer> summary,
        long version,
        List<DisclosureItemView> items) {

    public static DisclosurePackageView of(DisclosurePackageState s) {
        Map<RowStatus, Integer> summary = new EnumMap<>(RowStatus.class);
        for (RowStatus status : RowStatus.values()) {
            summary.put(status, 0);
        }
        for (DisclosureItem i : s.items()) {
            summary.merge(i.status, 1, Integer::sum);
        }
        return new DisclosurePackageView(s.contract().id, s.contract().hospitalId, s.contract().vendorId,
                s.pkg() != null, s.pkg() == null ? null : s.pkg().copiedFrom,
                s.pkg() != null && s.pkg().sharedUnderstanding, s.pkg() == null ? null : s.pkg().sharedUnderstandingAt,
                summary, s.version(), s.items().stream().map(i -> DisclosureItemView.of(i, s.facts())).toList());
    }
}
