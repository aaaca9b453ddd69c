package org.sansho.contract.disclosures.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.sansho.contract.disclosures.domain.Evidence;
import org.sansho.contract.disclosures.domain.ReviewDecision;
import org.sansho.contract.disclosures.domain.RowStatus;
import org.sansho.contract.disclosures.persistence.DisclosureItem;
import org.sansho.contract.disclosures.service.RegisteredFacts;

import java.time.Instant;
import java.util.List;

@Schema(description = "One row of a disclosure package: the template item, the vendor's answer, the hospital's review")
public record DisclosureItemView(
        @Schema(description = "the row's key in this API: template id, a dot, the item's position",
                example = "vendor-gl-table-4-1.1") String key,
        String templateId,
        @Schema(example = "表4-1 1") String ref,
        String textJa,
        String textEn,
        List<String> requirements,
        RowStatus status,
        String statement,
        List<Evidence> evidence,
        String answeredBy,
        Instant answeredAt,
        @Schema(description = "the hospital's last review; after a new answer it stays here while the status is "
                + "ANSWERED again") ReviewDecision reviewDecision,
        String reviewComment,
        String reviewedBy,
        Instant reviewedAt,
        @Schema(description = "for a row that asks for a registered fact: the registered value beside the vendor's "
                + "statement; null for other rows") FactView fact) {

    public static DisclosureItemView of(DisclosureItem i, RegisteredFacts facts) {
        return new DisclosureItemView(i.rowKey, i.templateId, i.ref, i.textJa, i.textEn, i.requirements, i.status,
                i.statement, i.evidence, i.answeredBy, i.answeredAt, i.reviewDecision, i.reviewComment,
                i.reviewedBy, i.reviewedAt, FactView.of(i.fact, facts, i.statement));
    }
}
